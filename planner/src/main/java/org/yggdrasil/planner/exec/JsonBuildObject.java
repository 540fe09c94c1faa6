package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.yggdrasil.planner.schema.functions.JsonText;

/**
 * {@code json_build_object(key, value, …)} and {@code jsonb_build_object}: a JSON object built
 * from alternating keys and values (numbers and booleans bare, everything else as a string,
 * NULL as null). Expanded while converting to a concatenation of per-value JSON texts, so any
 * number of arguments of any types works. The result is text holding JSON (there is no json
 * type in the planner yet).
 */
final class JsonBuildObject {
  static final SqlFunction JSON = function("json_build_object");
  static final SqlFunction JSONB = function("jsonb_build_object");

  private static final SqlUserDefinedFunction STRING = runtime("string");
  private static final SqlUserDefinedFunction BOOL = runtime("bool");

  private JsonBuildObject() {}

  private static SqlFunction function(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.VARCHAR), InferTypes.VARCHAR_1024,
        OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);
  }

  static boolean handles(SqlCall call) {
    return call.getOperator() == JSON || call.getOperator() == JSONB;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    RexBuilder rex = cx.getRexBuilder();
    if (call.operandCount() % 2 != 0) {
      throw new org.yggdrasil.catalog.error.SqlStateException(
          org.yggdrasil.catalog.error.SqlState.INVALID_PARAMETER_VALUE,
          "argument list must have even number of elements", null,
          "The arguments of json_build_object() must consist of alternating keys and values.",
          0, null);
    }
    List<RexNode> parts = new ArrayList<>();
    parts.add(rex.makeLiteral("{"));
    for (int i = 0; i < call.operandCount(); i += 2) {
      if (i > 0) {
        parts.add(rex.makeLiteral(", "));
      }
      parts.add(text(rex, cx.convertExpression(call.operand(i)), true));
      // json prints "key" : value, jsonb "key": value
      parts.add(rex.makeLiteral(call.getOperator() == JSON ? " : " : ": "));
      parts.add(text(rex, cx.convertExpression(call.operand(i + 1)), false));
    }
    parts.add(rex.makeLiteral("}"));
    RexNode out = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      out = rex.makeCall(SqlStdOperatorTable.CONCAT, out, parts.get(i));
    }
    return out;
  }

  /** The JSON text of one key or value. */
  private static RexNode text(RexBuilder rex, RexNode value, boolean key) {
    var f = rex.getTypeFactory();
    RelDataType varchar = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
    RelDataType result = f.createSqlType(SqlTypeName.VARCHAR);
    SqlTypeName type = value.getType().getSqlTypeName();
    if (!key && type == SqlTypeName.BOOLEAN) {
      return rex.makeCall(result, BOOL, List.of(value));
    }
    if (!key && (SqlTypeName.NUMERIC_TYPES.contains(type))) {
      return rex.makeCall(SqlStdOperatorTable.COALESCE, rex.makeCast(varchar, value),
          rex.makeLiteral("null"));
    }
    return rex.makeCall(result, STRING, List.of(rex.makeCast(varchar, value)));
  }

  private static SqlUserDefinedFunction runtime(String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier("json_" + method, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.VARCHAR), InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY),
            f -> List.of(f.createSqlType(method.equals("bool") ? SqlTypeName.BOOLEAN
                : SqlTypeName.VARCHAR)),
            i -> "arg" + i, i -> true),
        ScalarFunctionImpl.create(JsonText.class, method));
  }
}
