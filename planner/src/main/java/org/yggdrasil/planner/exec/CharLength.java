package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * {@code length(text)}, {@code char_length} and {@code character_length} count characters (code
 * points), as PostgreSQL does. Calcite's count UTF-16 units, so an emoji or any character beyond
 * U+FFFF counted two; the vectorized executor, counting UTF-8 lead bytes, already counted one.
 */
public final class CharLength {
  /** Named char_length so the vectorized executor still recognises it (RexToVec). */
  private static final SqlUserDefinedFunction FUNCTION = new SqlUserDefinedFunction(
      new SqlIdentifier("char_length", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.INTEGER_NULLABLE, InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.CHARACTER),
          f -> List.of(f.createSqlType(SqlTypeName.VARCHAR)), i -> "s", i -> false),
      ScalarFunctionImpl.create(CharLength.class, "count"));

  private CharLength() {}

  static boolean handles(SqlCall call) {
    // CHARACTER_LENGTH is Calcite's CHAR_LENGTH under another name: the same kind
    return call.getKind() == SqlKind.CHAR_LENGTH || call.getOperator() == SqlLibraryOperators.LENGTH;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    if (call.operandCount() == 1) {
      RexNode arg = cx.convertExpression(call.operand(0));
      if (SqlTypeUtil.inCharFamily(arg.getType())) {
        return cx.getRexBuilder().makeCall(FUNCTION, arg);
      }
    }
    return StandardConvertletTable.INSTANCE.convertCall(cx, call);
  }

  /** Called by generated code: the characters of {@code s}, or null. */
  public static Integer count(String s) {
    return s == null ? null : s.codePointCount(0, s.length());
  }
}
