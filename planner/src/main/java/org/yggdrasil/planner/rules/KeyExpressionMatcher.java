package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.vexec.ColumnSlot;
import org.yggdrasil.planner.vexec.KeyFunction;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * Recognises GROUP BY keys computed from one stored column that the vectorized executor
 * computes per chunk ({@link KeyFunction}): {@code date_trunc} of a timestamp or date,
 * {@code EXTRACT} / {@code date_part} of a day's fields (and hour, minute of a timestamp), an
 * integer column's remainder or quotient by a constant, and {@code floor} of a numeric or double
 * column. A timestamptz is first seen in the session's time zone, as the row path's cast to
 * timestamp sees it. Anything else yields null and the aggregate stays on Calcite's plan.
 */
final class KeyExpressionMatcher {
  private KeyExpressionMatcher() {}

  /** A key computed by {@code function} from the column read by {@code slot}. */
  record ComputedKey(int slot, KeyFunction function) {}

  static ComputedKey match(RexNode key, RexToVec rex) {
    if (!(key instanceof RexCall call)) {
      return null;
    }
    SqlTypeName type = key.getType().getSqlTypeName();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return switch (call.getKind()) {
      case MOD -> integerArithmetic(call, type, rex, true);
      case DIVIDE -> integerArithmetic(call, type, rex, false);
      case FLOOR -> floor(call, type, rex);
      case EXTRACT -> datePart(call, type, rex, false);
      case MINUS -> dayOfWeek(call, type, rex);
      default -> switch (name) {
        case "DATE_PART" -> datePart(call, type, rex, false);
        case "YGG_PG_DATE_TRUNC" -> dateTrunc(call, rex);
        default -> null;
      };
    };
  }

  /** {@code column % c} or {@code column / c} over integers, with c an integer constant. */
  private static ComputedKey integerArithmetic(RexCall call, SqlTypeName type, RexToVec rex,
      boolean remainder) {
    if (call.getOperands().size() != 2 || !integral(type)
        || !integral(call.getOperands().get(0).getType().getSqlTypeName())) {
      return null;
    }
    Integer slot = rex.columnSlot(call.getOperands().get(0), false);
    Long divisor = integerConstant(call.getOperands().get(1));
    if (slot == null || divisor == null || !integerColumn(rex.column(slot))) {
      return null;
    }
    if (divisor == 0) {
      // division by zero is the row path's error to raise
      return null;
    }
    if (remainder) {
      return new ComputedKey(slot, new KeyFunction.Remainder(divisor, type));
    }
    // the smallest value divided by -1 wraps in the operand's own width on the row path
    return divisor == -1 ? null : new ComputedKey(slot, new KeyFunction.Quotient(divisor, type));
  }

  /** {@code floor(x)} of a numeric stored as a scaled int64, or of a double precision column. */
  private static ComputedKey floor(RexCall call, SqlTypeName type, RexToVec rex) {
    if (call.getOperands().size() != 1) {
      return null; // FLOOR(timestamp TO unit)
    }
    RexNode arg = call.getOperands().get(0);
    Integer slot = rex.bareColumnSlot(arg);
    if (slot == null) {
      return null;
    }
    ColumnSlot c = rex.column(slot);
    if (c.encoding().type() == ColumnType.NUMERIC && type == SqlTypeName.DECIMAL
        && arg.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
      return new ComputedKey(slot, new KeyFunction.FloorNumeric(c.scale()));
    }
    if (c.encoding().type() == ColumnType.FLOAT8 && type == SqlTypeName.DOUBLE) {
      return new ComputedKey(slot, new KeyFunction.FloorDouble());
    }
    return null;
  }

  /**
   * PostgreSQL's day of week, 0 = Sunday: Calcite's {@code EXTRACT(DOW …)} (1 = Sunday) minus one,
   * as {@code exec/DayOfWeek} converts it.
   */
  private static ComputedKey dayOfWeek(RexCall call, SqlTypeName type, RexToVec rex) {
    if (call.getOperands().size() != 2 || !(call.getOperands().get(0) instanceof RexCall inner)
        || !Long.valueOf(1).equals(integerConstant(call.getOperands().get(1)))) {
      return null;
    }
    return datePart(inner, type, rex, true);
  }

  /**
   * {@code EXTRACT(field FROM d)} (a flag operand) or {@code date_part('field', d)}; the day of
   * week only as PostgreSQL's ({@code dayOfWeek}), never Calcite's bare one.
   */
  private static ComputedKey datePart(RexCall call, SqlTypeName type, RexToVec rex, boolean dayOfWeek) {
    if (call.getOperands().size() != 2 || !integral(type)
        || !(call.getOperands().get(0) instanceof RexLiteral unit)) {
      return null;
    }
    TimeUnitRange field;
    if (unit.getValue() instanceof TimeUnitRange range) {
      field = range;
    } else {
      String text = unit.getValueAs(String.class);
      try {
        field = text == null ? null
            : TimeUnitRange.of(SqlIntervalQualifier.stringToDatePartTimeUnit(text), null);
      } catch (RuntimeException e) {
        return null;
      }
    }
    Temporal source = temporalColumn(call.getOperands().get(1), rex);
    if (field == null || source == null || (field == TimeUnitRange.DOW) != dayOfWeek) {
      return null;
    }
    boolean supported = switch (field) {
      case YEAR, ISOYEAR, QUARTER, MONTH, WEEK, DAY, DOW, ISODOW, DOY, DECADE, CENTURY,
          MILLENNIUM -> true;
      // a timestamptz's hour and minute arrive over CAST(… AS timestamp) (exec/ZonedClockFields),
      // which is no column here: those keys stay on the row path
      case HOUR, MINUTE -> !source.date() && !source.zoned();
      default -> false;
    };
    return supported ? new ComputedKey(source.slot(),
        source.local(new KeyFunction.DatePart(field, source.date(), type))) : null;
  }

  /** {@code ygg_pg_date_trunc('unit', timestamp)}, the timestamp a column or a date cast. */
  private static ComputedKey dateTrunc(RexCall call, RexToVec rex) {
    if (call.getOperands().size() != 2 || call.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP
        || !(call.getOperands().get(0) instanceof RexLiteral unitLiteral)) {
      return null;
    }
    String text = unitLiteral.getValueAs(String.class);
    KeyFunction.TruncUnit unit = truncUnit(text);
    RexNode arg = call.getOperands().get(1);
    Temporal source;
    if (arg.getKind() == SqlKind.CAST
        && arg.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP) {
      // a date at midnight, or a timestamptz as the session's clocks show it
      Temporal inner = temporalColumn(((RexCall) arg).getOperands().get(0), rex);
      source = inner != null && (inner.date() || inner.zoned()) ? inner : null;
    } else {
      source = temporalColumn(arg, rex);
      // a timestamptz handed over as it is would be the UTC clock's, not the session's
      source = source != null && source.zoned() ? null : source;
    }
    if (unit == null || source == null) {
      return null;
    }
    return new ComputedKey(source.slot(),
        source.local(new KeyFunction.DateTrunc(unit, source.date())));
  }

  /**
   * The units date_trunc truncates exactly as the row path does; "microseconds" stays there,
   * since Calcite hands the function milliseconds.
   */
  private static KeyFunction.TruncUnit truncUnit(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "milliseconds" -> KeyFunction.TruncUnit.MILLISECONDS;
      case "second" -> KeyFunction.TruncUnit.SECOND;
      case "minute" -> KeyFunction.TruncUnit.MINUTE;
      case "hour" -> KeyFunction.TruncUnit.HOUR;
      case "day" -> KeyFunction.TruncUnit.DAY;
      case "week" -> KeyFunction.TruncUnit.WEEK;
      case "month" -> KeyFunction.TruncUnit.MONTH;
      case "quarter" -> KeyFunction.TruncUnit.QUARTER;
      case "year" -> KeyFunction.TruncUnit.YEAR;
      case "decade" -> KeyFunction.TruncUnit.DECADE;
      case "century" -> KeyFunction.TruncUnit.CENTURY;
      default -> null;
    };
  }

  /** A date, timestamp or timestamptz ({@code zoned}) column read by {@code slot}. */
  private record Temporal(int slot, boolean date, boolean zoned) {
    /** {@code f} over the column's values, a timestamptz's first seen in the session's zone. */
    KeyFunction local(KeyFunction f) {
      return zoned ? new KeyFunction.SessionLocal(f, null) : f;
    }
  }

  private static Temporal temporalColumn(RexNode node, RexToVec rex) {
    if (!(node instanceof RexInputRef ref)) {
      return null;
    }
    ColumnType t = rex.columnType(ref.getIndex());
    SqlTypeName sql = ref.getType().getSqlTypeName();
    if (t == ColumnType.DATE && sql == SqlTypeName.DATE) {
      return new Temporal(rex.slot(ref.getIndex(), sql), true, false);
    }
    if (t == ColumnType.TIMESTAMP && sql == SqlTypeName.TIMESTAMP) {
      return new Temporal(rex.slot(ref.getIndex(), sql), false, false);
    }
    if (t == ColumnType.TIMESTAMPTZ && sql == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return new Temporal(rex.slot(ref.getIndex(), sql), false, true);
    }
    return null;
  }

  private static boolean integral(SqlTypeName t) {
    return t == SqlTypeName.SMALLINT || t == SqlTypeName.INTEGER || t == SqlTypeName.BIGINT;
  }

  private static boolean integerColumn(ColumnSlot c) {
    ColumnType t = c.encoding().type();
    return t == ColumnType.INT2 || t == ColumnType.INT4 || t == ColumnType.INT8;
  }

  /** An exact integer literal (through casts), or null. */
  private static Long integerConstant(RexNode node) {
    RexNode n = node;
    while (n.getKind() == SqlKind.CAST) {
      n = ((RexCall) n).getOperands().get(0);
    }
    if (!(n instanceof RexLiteral lit) || lit.isNull()
        || !SqlTypeName.EXACT_TYPES.contains(lit.getType().getSqlTypeName())) {
      return null;
    }
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    try {
      return v == null ? null : v.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
