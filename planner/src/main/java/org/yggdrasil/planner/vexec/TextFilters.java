package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.groupby.ChunkDictionary;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.accel.strings.LikePattern;
import org.yggdrasil.accel.strings.LikePatternException;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Filters over text columns, read as UTF-8 bytes in place: equality and IN against constants
 * (byte comparison; text equality in PostgreSQL's default deterministic collation is byte
 * equality) and LIKE / ILIKE patterns.
 */
final class TextFilters {
  private TextFilters() {}

  static RowFilter compare(int slot, CmpOp op, String value) {
    if (op != CmpOp.EQ && op != CmpOp.NE) {
      throw new IllegalStateException("text comparison " + op + " is not vectorized");
    }
    return new Equals(slot, new byte[][] {value.getBytes(StandardCharsets.UTF_8)}, op == CmpOp.NE);
  }

  static RowFilter in(VecPredicate.InList in, DataContext root) {
    byte[][] values = new byte[in.values().size()][];
    int n = 0;
    for (Operand o : in.values()) {
      Object v = o.value(root);
      if (v == null) {
        // x IN (.., NULL) is never false, x NOT IN (.., NULL) never true: only rows that equal
        // another value can be selected, and only for IN
        if (in.negated()) {
          return new RowFilter.Constant(false);
        }
        continue;
      }
      values[n++] = v.toString().getBytes(StandardCharsets.UTF_8);
    }
    return new Equals(in.slot(), java.util.Arrays.copyOf(values, n), in.negated());
  }

  static RowFilter like(VecPredicate.Like l, DataContext root) {
    Object p = l.pattern().value(root);
    if (p == null) {
      return new RowFilter.Constant(false);
    }
    LikePattern pattern;
    try {
      pattern = LikePattern.compile(p.toString(), l.escape(), l.caseInsensitive());
    } catch (LikePatternException e) {
      throw new SqlStateException(SqlState.INVALID_ESCAPE_SEQUENCE, e.getMessage());
    }
    return new Like(l.slot(), pattern, l.negated());
  }

  /** Rows equal to one of the values (or, negated, to none of them). */
  static final class Equals extends RowFilter.Text {
    private final int slot;
    private final byte[][] values;
    private final boolean negated;

    Equals(int slot, byte[][] values, boolean negated) {
      this.slot = slot;
      this.values = values;
      this.negated = negated;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      int rows = chunk.rows();
      ChunkDictionary dict = ChunkDictionaries.of(chunk.chunk(slot));
      if (dict != null) {
        // compare once per distinct value, then map the codes
        byte[][] distinct = dict.values();
        boolean[] hit = new boolean[distinct.length];
        for (int d = 0; d < distinct.length; d++) {
          boolean equal = false;
          for (byte[] v : values) {
            equal |= java.util.Arrays.equals(v, distinct[d]);
          }
          hit[d] = equal != negated;
        }
        int[] codes = dict.codes();
        java.util.Arrays.fill(out, 0, Bitmaps.words(rows), 0L);
        for (int r = 0; r < rows; r++) {
          if (hit[codes[r]]) {
            out[r >>> 6] |= 1L << r;
          }
        }
        return;
      }
      MemorySegment offsets = chunk.chunk(slot).offsets();
      MemorySegment data = chunk.data(slot);
      java.util.Arrays.fill(out, 0, Bitmaps.words(rows), 0L);
      int start = rows == 0 ? 0 : offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, 0);
      for (int r = 0; r < rows; r++) {
        int end = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, r + 1);
        boolean hit = false;
        for (byte[] v : values) {
          if (v.length == end - start && MemorySegment.mismatch(data, start, end,
              MemorySegment.ofArray(v), 0, v.length) < 0) {
            hit = true;
            break;
          }
        }
        if (hit != negated) {
          out[r >>> 6] |= 1L << r;
        }
        start = end;
      }
      RowFilter.andValid(chunk, slot, out);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      return !RowFilter.allNull(chunk, slot);
    }
  }

  static final class Like extends RowFilter.Text {
    private final int slot;
    private final LikePattern pattern;
    private final boolean negated;

    Like(int slot, LikePattern pattern, boolean negated) {
      this.slot = slot;
      this.pattern = pattern;
      this.negated = negated;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      int rows = chunk.rows();
      ChunkDictionary dict = ChunkDictionaries.of(chunk.chunk(slot));
      if (dict != null) {
        pattern.filter(dict.codes(), dict.values(), rows, null, out);
      } else {
        pattern.filter(chunk.chunk(slot).offsets(), chunk.data(slot), rows, out);
      }
      if (negated) {
        long[] all = scratch.bitmap();
        Bitmaps.setAll(all, rows);
        Bitmaps.andNot(all, out, rows);
        System.arraycopy(all, 0, out, 0, Bitmaps.words(rows));
        scratch.releaseBitmap(all);
      }
      RowFilter.andValid(chunk, slot, out);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      return !RowFilter.allNull(chunk, slot);
    }
  }
}
