package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.planner.vexec.Kernels.Filters;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.storage.nativestore.chunk.ChunkStats;

/**
 * A {@link VecPredicate} bound to one execution: constants converted to the column's stored
 * domain, ready to run over chunks. Each filter writes the rows where it is true (never where it is
 * NULL) into a bitmap, and can tell from a chunk's statistics that no row can match (zone maps).
 */
abstract sealed class RowFilter {
  /** Writes the selected rows of the current chunk into {@code out} (bits past rows clear). */
  abstract void evaluate(ChunkData chunk, long[] out, Scratch scratch);

  /** False when the chunk's statistics prove no row matches. */
  boolean mayMatch(ChunkData chunk) {
    return true;
  }

  /** Binds a plan's predicate for one execution. */
  static RowFilter bind(VecPredicate p, List<ColumnSlot> slots, org.apache.calcite.DataContext root) {
    return switch (p) {
      case VecPredicate.And a -> Ranges.fuse(new Junction(
          a.parts().stream().map(x -> bind(x, slots, root)).toList(), true));
      case VecPredicate.Or o -> new Junction(o.parts().stream().map(x -> bind(x, slots, root)).toList(), false);
      case VecPredicate.IsNull n -> new NullTest(n.slot(), n.isNull());
      case VecPredicate.Compare c -> compare(c, slots.get(c.slot()), root);
      case VecPredicate.InList in -> inList(in, slots.get(in.slot()), root);
      case VecPredicate.Like l -> TextFilters.like(l, root);
      case VecPredicate.ExprCompare e -> ExprFilter.bind(e, root);
    };
  }

  private static RowFilter compare(VecPredicate.Compare c, ColumnSlot slot, org.apache.calcite.DataContext root) {
    Object v = c.value().value(root);
    if (v == null) {
      return new Constant(false);
    }
    if (slot.isText()) {
      return TextFilters.compare(c.slot(), c.op(), v.toString());
    }
    if (slot.isFloating()) {
      return new DoubleCompare(c.slot(), slot.lane(), c.op(), ((Number) v).doubleValue());
    }
    ExactBound b = ExactBound.of(slot, c.op(), (Number) v);
    return switch (b.kind()) {
      case NONE -> new Constant(false);
      case ALL_NON_NULL -> new NullTest(c.slot(), false);
      case COMPARE -> new LongCompare(c.slot(), slot.lane(), b.op(), b.value());
    };
  }

  private static RowFilter inList(VecPredicate.InList in, ColumnSlot slot, org.apache.calcite.DataContext root) {
    if (slot.isText()) {
      return TextFilters.in(in, root);
    }
    List<RowFilter> parts = new java.util.ArrayList<>();
    for (Operand o : in.values()) {
      parts.add(compare(new VecPredicate.Compare(in.slot(), in.negated() ? CmpOp.NE : CmpOp.EQ, o), slot, root));
    }
    return new Junction(parts, in.negated());
  }

  /** Clears the rows where {@code slot} is NULL. */
  static void andValid(ChunkData chunk, int slot, long[] out) {
    MemorySegment validity = chunk.validity(slot);
    if (validity != null) {
      Bitmaps.andValidity(out, validity, chunk.rows());
    }
  }

  /** True when every row of the chunk is NULL in this column. */
  static boolean allNull(ChunkData chunk, int slot) {
    ChunkStats s = chunk.chunk(slot).stats();
    return s.nullCount() == s.rowCount();
  }

  static final class Constant extends RowFilter {
    private final boolean value;

    Constant(boolean value) {
      this.value = value;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      if (value) {
        Bitmaps.setAll(out, chunk.rows());
      } else {
        java.util.Arrays.fill(out, 0, Bitmaps.words(chunk.rows()), 0L);
      }
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      return value;
    }
  }

  static final class NullTest extends RowFilter {
    private final int slot;
    private final boolean isNull;

    NullTest(int slot, boolean isNull) {
      this.slot = slot;
      this.isNull = isNull;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      int rows = chunk.rows();
      Bitmaps.setAll(out, rows);
      MemorySegment validity = chunk.validity(slot);
      if (validity == null) {
        if (isNull) {
          java.util.Arrays.fill(out, 0, Bitmaps.words(rows), 0L);
        }
        return;
      }
      if (isNull) {
        long[] valid = scratch.bitmap();
        Bitmaps.setAll(valid, rows);
        Bitmaps.andValidity(valid, validity, rows);
        Bitmaps.andNot(out, valid, rows);
        scratch.releaseBitmap(valid);
      } else {
        Bitmaps.andValidity(out, validity, rows);
      }
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      ChunkStats s = chunk.chunk(slot).stats();
      return isNull ? s.nullCount() > 0 : s.nullCount() < s.rowCount();
    }
  }

  /** An exact (integer, date, timestamp, scaled numeric) column against an exact bound. */
  static final class LongCompare extends RowFilter {
    final int slot;
    final Lane lane;
    final CmpOp op;
    final long value;

    LongCompare(int slot, Lane lane, CmpOp op, long value) {
      this.slot = slot;
      this.lane = lane;
      this.op = op;
      this.value = value;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      Filters.compareLong(chunk.data(slot), lane, chunk.rows(), op, value, out);
      andValid(chunk, slot, out);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      return switch (op) {
        case EQ -> exactOverlaps(chunk, slot, value, value);
        case NE -> !allNull(chunk, slot) && !exactOverlapsOnly(chunk, slot, value);
        case LT -> value != Long.MIN_VALUE && exactOverlaps(chunk, slot, Long.MIN_VALUE, value - 1);
        case LE -> exactOverlaps(chunk, slot, Long.MIN_VALUE, value);
        case GT -> value != Long.MAX_VALUE && exactOverlaps(chunk, slot, value + 1, Long.MAX_VALUE);
        case GE -> exactOverlaps(chunk, slot, value, Long.MAX_VALUE);
      };
    }
  }

  /** False when the chunk's statistics prove no non-null value of an exact column is in [lo, hi]. */
  static boolean exactOverlaps(ChunkData chunk, int slot, long lo, long hi) {
    if (lo > hi || allNull(chunk, slot)) {
      return false;
    }
    ChunkStats s = chunk.chunk(slot).stats();
    if (s.min() == null || s.max() == null) {
      return true;
    }
    var enc = chunk.slot(slot).encoding();
    return enc.toBits(s.min()) <= hi && enc.toBits(s.max()) >= lo;
  }

  /** True when the statistics prove every non-null value of an exact column equals {@code v}. */
  private static boolean exactOverlapsOnly(ChunkData chunk, int slot, long v) {
    ChunkStats s = chunk.chunk(slot).stats();
    if (s.min() == null || s.max() == null) {
      return false;
    }
    var enc = chunk.slot(slot).encoding();
    return enc.toBits(s.min()) == v && enc.toBits(s.max()) == v;
  }

  /**
   * False when the chunk's statistics prove no non-null value of a floating column is in
   * [lo, hi] (hi NaN: no upper bound); NaN anywhere in the statistics proves nothing.
   */
  static boolean floatingOverlaps(ChunkData chunk, int slot, double lo, double hi) {
    if (allNull(chunk, slot)) {
      return false;
    }
    ChunkStats s = chunk.chunk(slot).stats();
    if (!(s.min() instanceof Number mn) || !(s.max() instanceof Number mx)
        || Double.isNaN(mn.doubleValue()) || Double.isNaN(mx.doubleValue())) {
      return true;
    }
    return mx.doubleValue() >= lo && (Double.isNaN(hi) || mn.doubleValue() <= hi);
  }

  /** A floating-point column against a constant, in PostgreSQL's order (NaN above all). */
  static final class DoubleCompare extends RowFilter {
    final int slot;
    final Lane lane;
    final CmpOp op;
    final double value;

    DoubleCompare(int slot, Lane lane, CmpOp op, double value) {
      this.slot = slot;
      this.lane = lane;
      this.op = op;
      this.value = value;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      Filters.compareDouble(chunk.data(slot), lane, chunk.rows(), op, value, out);
      andValid(chunk, slot, out);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      if (Double.isNaN(value)) {
        return !allNull(chunk, slot);
      }
      return switch (op) {
        case EQ -> floatingOverlaps(chunk, slot, value, value);
        case NE -> !allNull(chunk, slot);
        case LT -> floatingOverlaps(chunk, slot, Double.NEGATIVE_INFINITY, Math.nextDown(value));
        case LE -> floatingOverlaps(chunk, slot, Double.NEGATIVE_INFINITY, value);
        case GT -> floatingOverlaps(chunk, slot, Math.nextUp(value), Double.NaN);
        case GE -> floatingOverlaps(chunk, slot, value, Double.NaN);
      };
    }
  }

  /** AND (every part) or OR (any part) of filters. */
  static final class Junction extends RowFilter {
    final List<RowFilter> parts;
    final boolean and;

    Junction(List<RowFilter> parts, boolean and) {
      this.parts = parts;
      this.and = and;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      int rows = chunk.rows();
      if (parts.isEmpty()) {
        new Constant(and).evaluate(chunk, out, scratch);
        return;
      }
      parts.get(0).evaluate(chunk, out, scratch);
      long[] part = scratch.bitmap();
      for (int i = 1; i < parts.size(); i++) {
        if (and && Bitmaps.none(out, rows)) {
          break;
        }
        parts.get(i).evaluate(chunk, part, scratch);
        if (and) {
          Bitmaps.and(out, part, rows);
        } else {
          Bitmaps.or(out, part, rows);
        }
      }
      scratch.releaseBitmap(part);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      for (RowFilter p : parts) {
        boolean m = p.mayMatch(chunk);
        if (and && !m) {
          return false;
        }
        if (!and && m) {
          return true;
        }
      }
      return and;
    }
  }

  /** A text column against constants, or a LIKE pattern (see {@link TextFilters}). */
  abstract static non-sealed class Text extends RowFilter {}

  /** Any other filter kind (see {@link Ranges}). */
  abstract static non-sealed class Other extends RowFilter {}
}
