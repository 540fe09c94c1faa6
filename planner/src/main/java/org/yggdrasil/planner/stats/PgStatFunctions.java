package org.yggdrasil.planner.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * PostgreSQL's statistical aggregates Calcite cannot run itself: the ordered-set aggregates
 * {@code percentile_cont} / {@code percentile_disc} and the two-variable {@code corr},
 * {@code covar_pop}, {@code covar_samp}. Parsed calls are rewritten into calls of user-defined
 * aggregates (named {@code ygg_pg_…}, labelled as PostgreSQL labels them) that Enumerable runs
 * through {@link RowAccumulator}s and the vectorized executor recognises by name.
 */
public final class PgStatFunctions {
  public static final String PERCENTILE_CONT = "ygg_pg_percentile_cont";
  public static final String PERCENTILE_DISC = "ygg_pg_percentile_disc";
  public static final String CORR = "ygg_pg_corr";
  public static final String COVAR_POP = "ygg_pg_covar_pop";
  public static final String COVAR_SAMP = "ygg_pg_covar_samp";

  private static final SqlReturnTypeInference DOUBLE = ReturnTypes.DOUBLE_FORCE_NULLABLE;

  /** (value, fraction, descending) → double precision; the value is cast to double as in PostgreSQL. */
  private static final SqlUserDefinedAggFunction CONT = aggregate(PERCENTILE_CONT, DOUBLE,
      List.of(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.BOOLEAN),
      f -> List.of(f.createSqlType(SqlTypeName.DOUBLE), f.createSqlType(SqlTypeName.DOUBLE),
          f.createSqlType(SqlTypeName.BOOLEAN)), PercentileCont.class);

  /** (value, fraction, descending) → the value's type. */
  private static final SqlUserDefinedAggFunction DISC = aggregate(PERCENTILE_DISC,
      ReturnTypes.ARG0_FORCE_NULLABLE,
      List.of(SqlTypeFamily.ANY, SqlTypeFamily.NUMERIC, SqlTypeFamily.BOOLEAN),
      f -> List.of(f.createSqlType(SqlTypeName.ANY), f.createSqlType(SqlTypeName.DOUBLE),
          f.createSqlType(SqlTypeName.BOOLEAN)), PercentileDisc.class);

  private static final Function<RelDataTypeFactory, List<RelDataType>> TWO_DOUBLES =
      f -> List.of(f.createSqlType(SqlTypeName.DOUBLE), f.createSqlType(SqlTypeName.DOUBLE));
  private static final List<SqlTypeFamily> TWO_NUMERICS =
      List.of(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC);

  private static final SqlUserDefinedAggFunction CORR_FN =
      aggregate(CORR, DOUBLE, TWO_NUMERICS, TWO_DOUBLES, Regression.Corr.class);
  private static final SqlUserDefinedAggFunction COVAR_POP_FN =
      aggregate(COVAR_POP, DOUBLE, TWO_NUMERICS, TWO_DOUBLES, Regression.CovarPop.class);
  private static final SqlUserDefinedAggFunction COVAR_SAMP_FN =
      aggregate(COVAR_SAMP, DOUBLE, TWO_NUMERICS, TWO_DOUBLES, Regression.CovarSamp.class);

  public static final String VAR_POP = "ygg_pg_var_pop";
  public static final String VAR_SAMP = "ygg_pg_var_samp";
  public static final String STDDEV_POP = "ygg_pg_stddev_pop";
  public static final String STDDEV_SAMP = "ygg_pg_stddev_samp";

  private static final List<SqlTypeFamily> ONE_NUMERIC = List.of(SqlTypeFamily.NUMERIC);
  private static final Function<RelDataTypeFactory, List<RelDataType>> ONE_DOUBLE =
      f -> List.of(f.createSqlType(SqlTypeName.DOUBLE));
  // Not in the operator table: FloatVarianceRewrite puts them in plans of double precision input.
  private static final SqlUserDefinedAggFunction VAR_POP_FN =
      aggregate(VAR_POP, DOUBLE, ONE_NUMERIC, ONE_DOUBLE, Variance.VarPop.class);
  private static final SqlUserDefinedAggFunction VAR_SAMP_FN =
      aggregate(VAR_SAMP, DOUBLE, ONE_NUMERIC, ONE_DOUBLE, Variance.VarSamp.class);
  private static final SqlUserDefinedAggFunction STDDEV_POP_FN =
      aggregate(STDDEV_POP, DOUBLE, ONE_NUMERIC, ONE_DOUBLE, Variance.StddevPop.class);
  private static final SqlUserDefinedAggFunction STDDEV_SAMP_FN =
      aggregate(STDDEV_SAMP, DOUBLE, ONE_NUMERIC, ONE_DOUBLE, Variance.StddevSamp.class);

  /** PostgreSQL's float8 form of a variance or standard deviation aggregate, else null. */
  static SqlUserDefinedAggFunction floatVariance(SqlKind kind) {
    return switch (kind) {
      case VAR_POP -> VAR_POP_FN;
      case VAR_SAMP -> VAR_SAMP_FN;
      case STDDEV_POP -> STDDEV_POP_FN;
      case STDDEV_SAMP -> STDDEV_SAMP_FN;
      default -> null;
    };
  }

  /** The operators the validator must find (calls are created with them, then resolved by name). */
  public static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(CONT, DISC, CORR_FN,
      COVAR_POP_FN, COVAR_SAMP_FN);

  private PgStatFunctions() {}

  private static SqlUserDefinedAggFunction aggregate(String name, SqlReturnTypeInference returns,
      List<SqlTypeFamily> families, Function<RelDataTypeFactory, List<RelDataType>> types,
      Class<? extends RowAccumulator> accumulator) {
    return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, returns, null,
        OperandTypes.operandMetadata(families, types, i -> "arg" + i, i -> false),
        new AccumulatorAggregate(accumulator), false, false, Optionality.FORBIDDEN);
  }

  /**
   * The rewritten form of {@code call} (its operands already visited by {@code visitor}), or null
   * when it is none of these aggregates.
   */
  public static SqlNode rewrite(SqlCall call, SqlShuttle visitor) {
    if (call.getKind() == SqlKind.WITHIN_GROUP) {
      return withinGroup(call, visitor);
    }
    if (call.operandCount() != 2) {
      return null;
    }
    SqlUserDefinedAggFunction fn = switch (call.getOperator().getName().toLowerCase(Locale.ROOT)) {
      case "corr" -> CORR_FN;
      case "covar_pop" -> COVAR_POP_FN;
      case "covar_samp" -> COVAR_SAMP_FN;
      default -> null;
    };
    if (fn == null) {
      return null;
    }
    return fn.createCall(call.getFunctionQuantifier(), call.getParserPosition(),
        call.operand(0).accept(visitor), call.operand(1).accept(visitor));
  }

  /** {@code percentile_cont(f) WITHIN GROUP (ORDER BY x [DESC])} → {@code ygg_pg_percentile_cont(x, f, desc)}. */
  private static SqlNode withinGroup(SqlCall call, SqlShuttle visitor) {
    if (!(call.operand(0) instanceof SqlCall inner) || inner.operandCount() != 1
        || !(call.operand(1) instanceof SqlNodeList order) || order.size() != 1) {
      return null;
    }
    SqlUserDefinedAggFunction fn = switch (inner.getOperator().getName().toLowerCase(Locale.ROOT)) {
      case "percentile_cont" -> CONT;
      case "percentile_disc" -> DISC;
      default -> null;
    };
    if (fn == null) {
      return null;
    }
    SqlNode key = order.get(0);
    boolean descending = false;
    // NULLS FIRST / LAST change nothing: the aggregates skip NULLs
    while (key instanceof SqlCall k && (k.getKind() == SqlKind.DESCENDING
        || k.getKind() == SqlKind.NULLS_FIRST || k.getKind() == SqlKind.NULLS_LAST)) {
      descending |= k.getKind() == SqlKind.DESCENDING;
      key = k.operand(0);
    }
    SqlNode fraction = inner.operand(0);
    checkConstantFraction(fraction);
    SqlParserPos pos = call.getParserPosition();
    return fn.createCall(null, pos, key.accept(visitor), fraction.accept(visitor),
        SqlLiteral.createBoolean(descending, pos));
  }

  /**
   * A constant fraction out of range fails the statement at once: PostgreSQL fails it when the
   * aggregate finishes any group, and reading the fraction from rows would miss it on empty input.
   */
  private static void checkConstantFraction(SqlNode fraction) {
    BigDecimal value = null;
    if (fraction instanceof SqlNumericLiteral n) {
      value = n.getValueAs(BigDecimal.class);
    } else if (fraction instanceof SqlCall c && c.getKind() == SqlKind.MINUS_PREFIX
        && c.operand(0) instanceof SqlNumericLiteral n) {
      value = n.getValueAs(BigDecimal.class).negate();
    }
    if (value != null) {
      Percentiles.check(value.doubleValue());
    }
  }
}
