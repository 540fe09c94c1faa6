package org.yggdrasil.planner.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.PgTypeSystem;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * Folds casts of numeric literals the way PostgreSQL evaluates them: into an unconstrained
 * numeric a literal keeps its scale ({@code coalesce(sum(x), 0)} is {@code 0}, not {@code
 * 0.00}); into numeric(p, s) and into integers it is rounded half away from zero, never
 * truncated. Non-literal casts get the same treatment in {@link PgNumericRewrite}.
 */
final class PgRexBuilder extends RexBuilder {
  private final String sql;

  /** @param sql the statement text, to give errors in folded casts their position */
  PgRexBuilder(RelDataTypeFactory typeFactory, String sql) {
    super(typeFactory);
    this.sql = sql;
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp,
      boolean matchNullability, boolean safe, RexLiteral format) {
    if (exp instanceof RexLiteral lit && !lit.isNull()
        && (type.getSqlTypeName() == SqlTypeName.VARCHAR
            || type.getSqlTypeName() == SqlTypeName.CHAR)
        && switch (lit.getType().getSqlTypeName()) {
          case BOOLEAN, DOUBLE, FLOAT, REAL, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
          default -> false;
        }) {
      // Left as a cast: PgNumericRewrite gives it PostgreSQL's text form.
      return makeAbstractCast(pos, type, exp, safe, format);
    }
    if (exp instanceof RexLiteral lit && !lit.isNull()
        && lit.getValue() instanceof NlsString text) {
      RexLiteral dateTime = dateTimeLiteral(text.getValue(), type.getSqlTypeName());
      if (dateTime != null) {
        return super.makeCast(pos, type, dateTime, matchNullability, safe, format);
      }
    }
    if (exp instanceof RexLiteral lit && !lit.isNull()
        && lit.getValue() instanceof NlsString text
        && type.getSqlTypeName() == SqlTypeName.BOOLEAN) {
      // PostgreSQL's boolean spellings ('f', 'yes', 'on', '1' …); SQLAlchemy writes
      // indisprimary = 'f'.
      Object parsed;
      try {
        parsed = AssignmentCast.parse(text.getValue(), ColumnType.BOOL);
      } catch (SqlStateException e) {
        int at = sql.indexOf("'" + text.getValue().replace("'", "''") + "'");
        throw e.withPosition(at < 0 ? 0 : at + 1);
      }
      return makeLiteral((Boolean) parsed, type, false);
    }
    if (exp instanceof RexLiteral lit && !lit.isNull()
        && lit.getValue() instanceof NlsString text
        && (type.getSqlTypeName() == SqlTypeName.DECIMAL
            || SqlTypeName.INT_TYPES.contains(type.getSqlTypeName()))) {
      // PostgreSQL's input syntax and message for a string cast to a number; the value is
      // then cast like a numeric literal.
      ColumnType target = switch (type.getSqlTypeName()) {
        case TINYINT, SMALLINT -> ColumnType.INT2;
        case INTEGER -> ColumnType.INT4;
        case BIGINT -> ColumnType.INT8;
        default -> ColumnType.NUMERIC;
      };
      Object parsed;
      try {
        parsed = AssignmentCast.parse(text.getValue(), target);
      } catch (SqlStateException e) {
        // Calcite does not keep the literal's position; its quoted text finds it.
        int at = sql.indexOf("'" + text.getValue().replace("'", "''") + "'");
        throw e.withPosition(at < 0 ? 0 : at + 1);
      }
      BigDecimal value = parsed instanceof BigDecimal b ? b : BigDecimal.valueOf(
          ((Number) parsed).longValue());
      return makeCast(pos, type, makeExactLiteral(value), matchNullability, safe, format);
    }
    if (exp instanceof RexLiteral lit && !lit.isNull()
        && lit.getValue() instanceof BigDecimal value) {
      SqlTypeName target = type.getSqlTypeName();
      boolean approximate = SqlTypeName.APPROX_TYPES.contains(lit.getType().getSqlTypeName());
      if (target == SqlTypeName.DECIMAL) {
        BigDecimal exact = approximate ? new BigDecimal(Double.toString(value.doubleValue()))
            : value;
        boolean unconstrained = type.getPrecision() == PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION;
        BigDecimal v = unconstrained ? exact : exact.setScale(type.getScale(), RoundingMode.HALF_UP);
        if (v.scale() == type.getScale() || v.scale() < 0) {
          return makeExactLiteral(v, type);
        }
        // Generated code renders a literal at its type's scale; keep the value's own scale by
        // typing the literal exactly and passing it through to the unconstrained type.
        RelDataType exactType = getTypeFactory().createSqlType(SqlTypeName.DECIMAL,
            Math.max(v.precision(), v.scale()), v.scale());
        return makeCall(type, PgNumericRewrite.KEEP_SCALE,
            java.util.List.of(makeExactLiteral(v, exactType)));
      }
      if (SqlTypeName.INT_TYPES.contains(target) && value.scale() > 0) {
        BigDecimal rounded = approximate
            ? BigDecimal.valueOf(Math.rint(value.doubleValue()))
            : value.setScale(0, RoundingMode.HALF_UP);
        return super.makeCast(pos, type, makeExactLiteral(rounded.setScale(0)),
            matchNullability, safe, format);
      }
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }

  @Override
  public RexNode makeCall(SqlParserPos pos, SqlOperator op, List<? extends RexNode> exprs) {
    RexNode call = super.makeCall(pos, op, exprs);
    return nullOperand(op, exprs) ? makeNullLiteral(call.getType()) : call;
  }

  @Override
  public RexNode makeCall(SqlParserPos pos, RelDataType returnType, SqlOperator op,
      List<RexNode> exprs) {
    return nullOperand(op, exprs) ? makeNullLiteral(returnType)
        : super.makeCall(pos, returnType, op, exprs);
  }

  /**
   * Whether {@code op} is {@code *}, {@code /}, {@code %} or unary minus with an operand that is
   * NULL for certain (see {@link #isNullConstant}), which PostgreSQL folds to NULL as it plans.
   * Folding here keeps such constants away from Calcite's monotonicity check, which asserts that
   * a constant operand of {@code *} is a literal ({@code -7 / NULL * -18} failed with "not a
   * literal"). {@code +} and binary {@code -} are left as calls: Calcite's convertlets for them
   * cast the call they build to RexCall.
   */
  private static boolean nullOperand(SqlOperator op, List<? extends RexNode> exprs) {
    return FOLDED.contains(op.getKind()) && exprs.stream().anyMatch(PgRexBuilder::isNullConstant);
  }

  /** A NULL literal, or strict arithmetic on one: NULL whatever the row. */
  private static boolean isNullConstant(RexNode e) {
    if (e instanceof RexLiteral lit) {
      return lit.isNull();
    }
    return e instanceof org.apache.calcite.rex.RexCall call
        && STRICT_ARITHMETIC.contains(call.getKind())
        && call.getOperands().stream().anyMatch(PgRexBuilder::isNullConstant);
  }

  private static final java.util.Set<SqlKind> FOLDED = java.util.EnumSet.of(
      SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX);

  private static final java.util.Set<SqlKind> STRICT_ARITHMETIC = java.util.EnumSet.of(
      SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
      SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX);

  /**
   * A string literal cast to date, timestamp or timestamptz, read with PostgreSQL's input
   * syntax in the session's DateStyle and TimeZone (Calcite's own cast knows ISO only); null
   * for other targets.
   */
  private RexLiteral dateTimeLiteral(String text, SqlTypeName target) {
    ColumnType type = switch (target) {
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ColumnType.TIMESTAMPTZ;
      default -> null;
    };
    if (type == null) {
      return null;
    }
    Object parsed;
    try {
      parsed = AssignmentCast.parse(text, type);
    } catch (SqlStateException e) {
      int at = sql.indexOf("'" + text.replace("'", "''") + "'");
      throw e.withPosition(at < 0 ? 0 : at + 1);
    }
    return switch (parsed) {
      case java.time.LocalDate d -> makeDateLiteral(new org.apache.calcite.util.DateString(
          d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
      case java.time.LocalDateTime t -> makeTimestampLiteral(timestampString(t), 6);
      case java.time.OffsetDateTime o -> makeTimestampWithLocalTimeZoneLiteral(
          timestampString(o.toLocalDateTime()), 6);
      default -> null;
    };
  }

  private static org.apache.calcite.util.TimestampString timestampString(
      java.time.LocalDateTime t) {
    return new org.apache.calcite.util.TimestampString(t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond())
        .withNanos(t.getNano());
  }
}
