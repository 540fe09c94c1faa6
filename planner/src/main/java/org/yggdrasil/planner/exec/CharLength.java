package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
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
 * Of a char(n) value (bpchar) they count without the trailing blanks, as PostgreSQL's do; a
 * string literal is text there, not bpchar, so its blanks count.
 */
public final class CharLength {
  /** Named char_length so the vectorized executor still recognises it (RexToVec). */
  private static final SqlUserDefinedFunction FUNCTION = counting("char_length", "count");

  /** A name the vectorized executor does not know: it would count a char(n)'s padding. */
  private static final SqlUserDefinedFunction BPCHAR = counting("bpchar_length",
      "countWithoutTrailingBlanks");

  private static SqlUserDefinedFunction counting(String name, String method) {
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER_NULLABLE, InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.CHARACTER),
            f -> List.of(f.createSqlType(SqlTypeName.VARCHAR)), i -> "s", i -> false),
        ScalarFunctionImpl.create(CharLength.class, method));
  }

  private CharLength() {}

  static boolean handles(SqlCall call) {
    // CHARACTER_LENGTH is Calcite's CHAR_LENGTH under another name: the same kind
    return call.getKind() == SqlKind.CHAR_LENGTH || call.getOperator() == SqlLibraryOperators.LENGTH;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    if (call.operandCount() == 1) {
      RexNode arg = cx.convertExpression(call.operand(0));
      if (SqlTypeUtil.inCharFamily(arg.getType())) {
        // a string literal is CHAR(n) to Calcite but text to PostgreSQL; a cast of one is not
        boolean bpchar = arg.getType().getSqlTypeName() == SqlTypeName.CHAR
            && !(call.operand(0) instanceof SqlLiteral);
        return cx.getRexBuilder().makeCall(bpchar ? BPCHAR : FUNCTION, arg);
      }
    }
    return StandardConvertletTable.INSTANCE.convertCall(cx, call);
  }

  /** Called by generated code: the characters of {@code s} before its trailing blanks, or null. */
  public static Integer countWithoutTrailingBlanks(String s) {
    if (s == null) {
      return null;
    }
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.codePointCount(0, end);
  }

  /** Called by generated code: the characters of {@code s}, or null. */
  public static Integer count(String s) {
    return s == null ? null : s.codePointCount(0, s.length());
  }
}
