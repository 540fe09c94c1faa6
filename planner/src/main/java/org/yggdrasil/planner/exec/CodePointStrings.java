package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * PostgreSQL's character-counting text functions on character strings — {@code substring},
 * {@code substr}, {@code left}, {@code right}, {@code position}, {@code strpos}, {@code lpad},
 * {@code rpad}, {@code overlay}, {@code translate} — become calls of {@link CodePointText},
 * which counts code points. Calcite's count UTF-16 units, so an emoji counted two and was cut
 * in half. Binary strings and forms PostgreSQL lacks keep Calcite's conversion, and so does
 * every result type: the call gets the type Calcite gives the original.
 */
final class CodePointStrings {
  /** The operand kinds a function takes, in the order its Java method takes them. */
  private enum Arg { TEXT, INT }

  /** One Java method of {@link CodePointText}, as a function generated code calls. */
  private record Target(SqlUserDefinedFunction function, List<Arg> args) {
    static Target of(String name, String method, SqlReturnTypeInference returns, Arg... args) {
      List<Arg> list = List.of(args);
      SqlUserDefinedFunction f = new SqlUserDefinedFunction(
          new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returns,
          InferTypes.FIRST_KNOWN,
          OperandTypes.operandMetadata(
              list.stream().map(a -> a == Arg.TEXT ? SqlTypeFamily.CHARACTER
                  : SqlTypeFamily.INTEGER).toList(),
              t -> list.stream().map(a -> t.createSqlType(
                  a == Arg.TEXT ? SqlTypeName.VARCHAR : SqlTypeName.INTEGER)).toList(),
              i -> "arg" + i, i -> false),
          ScalarFunctionImpl.create(CodePointText.class, method));
      return new Target(f, list);
    }
  }

  private static final SqlReturnTypeInference TEXT_RESULT =
      ReturnTypes.ARG0_NULLABLE_VARYING.andThen(SqlTypeTransforms.TO_NULLABLE);

  private static final Target SUBSTRING =
      Target.of("substr", "substring", TEXT_RESULT, Arg.TEXT, Arg.INT, Arg.INT);
  private static final Target SUBSTRING_FROM =
      Target.of("substr", "substringFrom", TEXT_RESULT, Arg.TEXT, Arg.INT);
  private static final Target LEFT = Target.of("left", "left", TEXT_RESULT, Arg.TEXT, Arg.INT);
  private static final Target RIGHT = Target.of("right", "right", TEXT_RESULT, Arg.TEXT, Arg.INT);
  private static final Target STRPOS =
      Target.of("strpos", "strpos", ReturnTypes.INTEGER_NULLABLE, Arg.TEXT, Arg.TEXT);
  private static final Target LPAD =
      Target.of("lpad", "lpad", TEXT_RESULT, Arg.TEXT, Arg.INT, Arg.TEXT);
  private static final Target RPAD =
      Target.of("rpad", "rpad", TEXT_RESULT, Arg.TEXT, Arg.INT, Arg.TEXT);
  private static final Target OVERLAY = Target.of("overlay", "overlay",
      ReturnTypes.DYADIC_STRING_SUM_PRECISION_NULLABLE_VARYING, Arg.TEXT, Arg.TEXT, Arg.INT, Arg.INT);
  private static final Target OVERLAY_OWN_LENGTH = Target.of("overlay", "overlayOwnLength",
      ReturnTypes.DYADIC_STRING_SUM_PRECISION_NULLABLE_VARYING, Arg.TEXT, Arg.TEXT, Arg.INT);
  private static final Target TRANSLATE =
      Target.of("translate", "translate", TEXT_RESULT, Arg.TEXT, Arg.TEXT, Arg.TEXT);

  private CodePointStrings() {}

  static boolean handles(SqlCall call) {
    SqlOperator op = call.getOperator();
    return op == SqlStdOperatorTable.SUBSTRING || op == SqlLibraryOperators.SUBSTR_POSTGRESQL
        || op == SqlLibraryOperators.LEFT || op == SqlLibraryOperators.RIGHT
        || op == SqlStdOperatorTable.POSITION || op == SqlLibraryOperators.STRPOS
        || op == SqlLibraryOperators.LPAD || op == SqlLibraryOperators.RPAD
        || op == SqlStdOperatorTable.OVERLAY || op == SqlLibraryOperators.TRANSLATE3;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    // Calcite's own conversion: kept where ours does not apply, else the source of the type
    RexNode calcite = StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
    List<SqlNode> operands = call.getOperandList();
    Target target = target(call.getOperator(), operands.size());
    if (target == null) {
      return calcite;
    }
    List<RexNode> args = new ArrayList<>();
    for (SqlNode operand : operands) {
      args.add(cx.convertExpression(operand));
    }
    RexBuilder rex = cx.getRexBuilder();
    if (call.getOperator() == SqlStdOperatorTable.POSITION) {
      args = List.of(args.get(1), args.get(0)); // position(sought IN s) is strpos(s, sought)
    } else if (target == LPAD || target == RPAD) {
      if (args.size() == 2) {
        args = List.of(args.get(0), args.get(1), rex.makeLiteral(" "));
      }
    }
    List<RexNode> typed = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      RexNode arg = args.get(i);
      RelDataType type = arg.getType();
      if (target.args().get(i) == Arg.TEXT) {
        if (!SqlTypeUtil.inCharFamily(type)) {
          return calcite; // binary strings, or a NULL literal: Calcite's function is right
        }
        typed.add(arg);
      } else {
        if (!SqlTypeUtil.isIntType(type)) {
          return calcite;
        }
        typed.add(type.getSqlTypeName() == SqlTypeName.INTEGER ? arg
            : rex.makeCast(rex.getTypeFactory().createTypeWithNullability(
                rex.getTypeFactory().createSqlType(SqlTypeName.INTEGER), type.isNullable()), arg));
      }
    }
    return rex.makeCall(calcite.getType(), target.function(), typed);
  }

  /** The function for this operator with this many operands, or null to keep Calcite's. */
  private static Target target(SqlOperator op, int operands) {
    if (op == SqlStdOperatorTable.SUBSTRING || op == SqlLibraryOperators.SUBSTR_POSTGRESQL) {
      return operands == 3 ? SUBSTRING : operands == 2 ? SUBSTRING_FROM : null;
    }
    if (op == SqlLibraryOperators.LEFT || op == SqlLibraryOperators.RIGHT) {
      return operands != 2 ? null : op == SqlLibraryOperators.LEFT ? LEFT : RIGHT;
    }
    if (op == SqlStdOperatorTable.POSITION || op == SqlLibraryOperators.STRPOS) {
      return operands == 2 ? STRPOS : null; // POSITION(… FROM start) is not PostgreSQL's
    }
    if (op == SqlLibraryOperators.LPAD || op == SqlLibraryOperators.RPAD) {
      return operands != 2 && operands != 3 ? null
          : op == SqlLibraryOperators.LPAD ? LPAD : RPAD;
    }
    if (op == SqlStdOperatorTable.OVERLAY) {
      return operands == 4 ? OVERLAY : operands == 3 ? OVERLAY_OWN_LENGTH : null;
    }
    return op == SqlLibraryOperators.TRANSLATE3 && operands == 3 ? TRANSLATE : null;
  }
}
