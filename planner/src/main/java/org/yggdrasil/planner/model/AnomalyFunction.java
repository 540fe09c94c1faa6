package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The SQL functions ANOMALY_SCORE, ANOMALY_PREDICT, ANOMALY_PROBA and ANOMALY_CONFIDENCE in
 * their long form {@code f('model', feature, …)} (the short form {@code f('model')} is expanded
 * to it before validation by {@link AnomalyRewrite}). Validation checks the features are
 * numeric; conversion turns the call into one of {@link AnomalyRuntime}'s methods over an array
 * of doubles, so any number of features works. ANOMALY_PREDICT is an integer (0 or 1), the
 * others double precision.
 */
public final class AnomalyFunction extends SqlFunction {
  public static final AnomalyFunction SCORE = new AnomalyFunction(Measure.SCORE);
  public static final AnomalyFunction PREDICT = new AnomalyFunction(Measure.PREDICT);
  public static final AnomalyFunction PROBA = new AnomalyFunction(Measure.PROBA);
  public static final AnomalyFunction CONFIDENCE = new AnomalyFunction(Measure.CONFIDENCE);
  private static final List<AnomalyFunction> ALL = List.of(SCORE, PREDICT, PROBA, CONFIDENCE);

  /** The four functions, for the validator's operator table. */
  public static final org.apache.calcite.sql.SqlOperatorTable OPERATORS =
      SqlOperatorTables.of(SCORE, PREDICT, PROBA, CONFIDENCE);

  private final Measure measure;
  private final SqlUserDefinedFunction runtime;

  private AnomalyFunction(Measure measure) {
    super(nameOf(measure), SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(measure == Measure.PREDICT ? SqlTypeName.INTEGER : SqlTypeName.DOUBLE),
        AnomalyFunction::inferOperandTypes, new Operands(nameOf(measure)),
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.measure = measure;
    String method = measure.name().toLowerCase(Locale.ROOT);
    this.runtime = new SqlUserDefinedFunction(
        new SqlIdentifier("ygg_anomaly_" + method, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        getReturnTypeInference(), InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.ARRAY),
            f -> List.of(f.createSqlType(SqlTypeName.VARCHAR),
                f.createArrayType(f.createSqlType(SqlTypeName.DOUBLE), -1)),
            i -> i == 0 ? "model" : "features", i -> false),
        ScalarFunctionImpl.create(AnomalyRuntime.class, method));
  }

  /** {@link AnomalyRuntime#requireDouble} and {@link AnomalyRuntime#requireInt} as operators. */
  private static final SqlUserDefinedFunction REQUIRE_DOUBLE = require("requireDouble", SqlTypeName.DOUBLE);
  private static final SqlUserDefinedFunction REQUIRE_INT = require("requireInt", SqlTypeName.INTEGER);

  private static SqlUserDefinedFunction require(String method, SqlTypeName type) {
    return new SqlUserDefinedFunction(new SqlIdentifier("ygg_anomaly_" + method, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type), InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.NUMERIC, SqlTypeFamily.CHARACTER),
            f -> List.of(f.createSqlType(type), f.createSqlType(SqlTypeName.VARCHAR)),
            i -> i == 0 ? "value" : "model", i -> false),
        ScalarFunctionImpl.create(AnomalyRuntime.class, method));
  }

  /** The measure a converted call ({@code ygg_anomaly_score(…)} etc.) computes, or null for other operators. */
  public static Measure measureOf(SqlOperator op) {
    for (AnomalyFunction f : ALL) {
      if (f.runtime == op) {
        return f.measure;
      }
    }
    return null;
  }

  /**
   * What replaces a converted call whose value a batch-scoring operator computed into {@code
   * value} (null when a feature was NULL): the value, or 22004 where the call would have failed.
   */
  public static RexNode required(RexBuilder rex, RexNode value, String model, Measure measure) {
    SqlUserDefinedFunction op = measure == Measure.PREDICT ? REQUIRE_INT : REQUIRE_DOUBLE;
    RelDataType type = rex.getTypeFactory().createSqlType(
        measure == Measure.PREDICT ? SqlTypeName.INTEGER : SqlTypeName.DOUBLE);
    return rex.makeCall(type, op, List.of(value, rex.makeLiteral(model)));
  }

  /** Parameters ({@code $1}) stand for text as the model name, double precision as features. */
  private static void inferOperandTypes(SqlCallBinding binding, RelDataType returnType,
      RelDataType[] operandTypes) {
    RelDataTypeFactory f = binding.getTypeFactory();
    for (int i = 0; i < operandTypes.length; i++) {
      operandTypes[i] = f.createSqlType(i == 0 ? SqlTypeName.VARCHAR : SqlTypeName.DOUBLE);
    }
  }

  static String nameOf(Measure m) {
    return "anomaly_" + m.name().toLowerCase(Locale.ROOT);
  }

  /** The function of this name (any case), or null. */
  static AnomalyFunction named(String name) {
    for (AnomalyFunction f : ALL) {
      if (f.getName().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  public static boolean handles(SqlCall call) {
    return call.getOperator() instanceof AnomalyFunction;
  }

  @Override
  public boolean isDeterministic() {
    return false; // the model a name means depends on the snapshot the statement reads
  }

  /** {@code f('model', a, b)} → {@code ygg_anomaly_f('model', ARRAY[CAST(a AS DOUBLE), …])}. */
  public static RexNode convert(SqlRexContext cx, SqlCall call) {
    AnomalyFunction f = (AnomalyFunction) call.getOperator();
    RexBuilder rex = cx.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType dbl = types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true);
    List<RexNode> features = new ArrayList<>();
    for (int i = 1; i < call.operandCount(); i++) {
      features.add(rex.makeCast(dbl, cx.convertExpression(call.operand(i)), false, false));
    }
    RexNode array = rex.makeCall(types.createArrayType(dbl, -1),
        SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR, features);
    RelDataType result = types.createSqlType(
        f.measure == Measure.PREDICT ? SqlTypeName.INTEGER : SqlTypeName.DOUBLE);
    return rex.makeCall(result, f.runtime, List.of(cx.convertExpression(call.operand(0)), array));
  }

  /** A model name literal then one or more numeric features; 42804 naming the culprit. */
  private record Operands(String function) implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      if (!(binding.operand(0) instanceof SqlCharStringLiteral)) {
        throw new SqlStateException(SqlState.DATATYPE_MISMATCH, "the first argument of "
            + function + " must be the model's name as a string literal");
      }
      for (int i = 1; i < binding.getOperandCount(); i++) {
        RelDataType t = binding.getOperandType(i);
        if (!SqlTypeUtil.isNumeric(t) && t.getSqlTypeName() != SqlTypeName.NULL) {
          throw new SqlStateException(SqlState.DATATYPE_MISMATCH, "feature " + i + " of "
              + function + " must be numeric, not " + typeName(t), null, "Cast it to double precision.", 0, null);
        }
      }
      return true;
    }

    private static String typeName(RelDataType t) {
      return switch (t.getSqlTypeName()) {
        case CHAR, VARCHAR -> "text";
        default -> t.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
      };
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.from(2);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "('model', feature, …)";
    }
  }
}
