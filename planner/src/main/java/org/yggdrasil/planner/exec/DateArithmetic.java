package org.yggdrasil.planner.exec;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlMonotonicity;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * PostgreSQL's date arithmetic by operand type: {@code date + integer}, {@code integer + date}
 * and {@code date - integer} are dates, {@code date - date} is the integer number of days
 * between them, {@code date ± interval} is a timestamp. Calcite's {@code +} and {@code -} accept none of these, and the validator picks
 * the first binary operator of a name before it checks operand types, so these operators stand
 * in for Calcite's: date operands are handled here, everything else is passed on to Calcite's
 * operator unchanged (checking, result type, conversion).
 */
final class DateArithmetic extends SqlBinaryOperator {
  static final DateArithmetic PLUS = new DateArithmetic(SqlStdOperatorTable.PLUS);
  static final DateArithmetic MINUS = new DateArithmetic(SqlStdOperatorTable.MINUS);

  /** Put before Calcite's operators so that the validator finds these first. */
  static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(PLUS, MINUS);

  private final SqlBinaryOperator standard;

  private DateArithmetic(SqlBinaryOperator standard) {
    super(standard.getName(), standard.getKind(), standard.getLeftPrec(),
        standard.getRightPrec() > standard.getLeftPrec(), standard.getReturnTypeInference(),
        (callBinding, returnType, operandTypes) -> inferOperands(standard, callBinding,
            returnType, operandTypes),
        standard.getOperandTypeChecker());
    this.standard = standard;
  }

  /** What a date operand combines with: null when Calcite's operator applies. */
  private enum Shape { DATE_INT, INT_DATE, DATE_DATE, DATE_INTERVAL, INTERVAL_DATE }

  private Shape shape(RelDataType left, RelDataType right) {
    boolean leftDate = left.getSqlTypeName() == SqlTypeName.DATE;
    boolean rightDate = right.getSqlTypeName() == SqlTypeName.DATE;
    if (leftDate && isInteger(right)) {
      return Shape.DATE_INT;
    }
    if (leftDate && rightDate && getKind() == SqlKind.MINUS) {
      return Shape.DATE_DATE;
    }
    if (rightDate && isInteger(left) && getKind() == SqlKind.PLUS) {
      return Shape.INT_DATE;
    }
    // date ± interval is a timestamp in PostgreSQL (Calcite would keep a date).
    if (leftDate && SqlTypeName.INTERVAL_TYPES.contains(right.getSqlTypeName())) {
      return Shape.DATE_INTERVAL;
    }
    if (rightDate && SqlTypeName.INTERVAL_TYPES.contains(left.getSqlTypeName())
        && getKind() == SqlKind.PLUS) {
      return Shape.INTERVAL_DATE;
    }
    return null;
  }

  /** int2 and int4, as PostgreSQL (date + bigint does not exist there). */
  private static boolean isInteger(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER -> true;
      default -> false;
    };
  }

  /** A parameter next to a date is an integer number of days (PostgreSQL infers int4). */
  private static void inferOperands(SqlBinaryOperator standard, SqlCallBinding binding,
      RelDataType returnType, RelDataType[] operandTypes) {
    RelDataType unknown = binding.getValidator().getUnknownType();
    RelDataType left = binding.getValidator().deriveType(binding.getScope(), binding.operand(0));
    RelDataType right = binding.getValidator().deriveType(binding.getScope(), binding.operand(1));
    RelDataTypeFactory f = binding.getTypeFactory();
    RelDataType integer = f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true);
    // inference runs more than once: keep an integer inferred before (FIRST_KNOWN would make
    // it a date)
    if (left.getSqlTypeName() == SqlTypeName.DATE
        && (right.equals(unknown) || isInteger(right))) {
      operandTypes[0] = left;
      operandTypes[1] = right.equals(unknown) ? integer : right;
    } else if (right.getSqlTypeName() == SqlTypeName.DATE && standard.getKind() == SqlKind.PLUS
        && (left.equals(unknown) || isInteger(left))) {
      operandTypes[0] = left.equals(unknown) ? integer : left;
      operandTypes[1] = right;
    } else {
      standard.getOperandTypeInference().inferOperandTypes(binding, returnType, operandTypes);
    }
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (shape(binding.getOperandType(0), binding.getOperandType(1)) != null) {
      return true;
    }
    return standard.checkOperandTypes(binding, throwOnFailure);
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    Shape shape = shape(left, right);
    if (shape == null) {
      return standard.inferReturnType(binding);
    }
    RelDataTypeFactory f = binding.getTypeFactory();
    RelDataType type = f.createSqlType(switch (shape) {
      case DATE_DATE -> SqlTypeName.INTEGER;
      case DATE_INTERVAL, INTERVAL_DATE -> SqlTypeName.TIMESTAMP;
      default -> SqlTypeName.DATE;
    });
    return f.createTypeWithNullability(type, left.isNullable() || right.isNullable());
  }

  @Override
  public SqlMonotonicity getMonotonicity(SqlOperatorBinding call) {
    return shape(call.getOperandType(0), call.getOperandType(1)) == null
        ? standard.getMonotonicity(call) : SqlMonotonicity.NOT_MONOTONIC;
  }

  /** Whether {@link #convert} must handle this call. */
  static boolean handles(SqlCall call) {
    return call.getOperator() instanceof DateArithmetic;
  }

  /** Dates run as int days: the arithmetic is on integers, reinterpreted. */
  static RexNode convert(SqlRexContext cx, SqlCall call) {
    DateArithmetic op = (DateArithmetic) call.getOperator();
    if (!isDate(cx, call.operand(0)) && !isDate(cx, call.operand(1))) {
      return standard(cx, call, op);
    }
    RexBuilder rex = cx.getRexBuilder();
    RelDataTypeFactory f = rex.getTypeFactory();
    RexNode a = cx.convertExpression(call.operand(0));
    RexNode b = cx.convertExpression(call.operand(1));
    Shape shape = op.shape(a.getType(), b.getType());
    if (shape == null) {
      return standard(cx, call, op);
    }
    if (shape == Shape.DATE_INTERVAL || shape == Shape.INTERVAL_DATE) {
      RexNode date = shape == Shape.DATE_INTERVAL ? a : b;
      RexNode interval = shape == Shape.DATE_INTERVAL ? b : a;
      RelDataType timestamp = f.createTypeWithNullability(
          f.createSqlType(SqlTypeName.TIMESTAMP), date.getType().isNullable());
      if (op.getKind() == SqlKind.MINUS) {
        interval = rex.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.UNARY_MINUS,
            interval);
      }
      return rex.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.DATETIME_PLUS,
          rex.makeCast(timestamp, date), interval);
    }
    RexNode days = switch (shape) {
      case DATE_INT -> rex.makeCall(op.standard, days(rex, a), integer(rex, b));
      case INT_DATE -> rex.makeCall(op.standard, integer(rex, a), days(rex, b));
      case DATE_DATE -> rex.makeCall(op.standard, days(rex, a), days(rex, b));
      default -> throw new IllegalStateException(shape.name());
    };
    if (shape == Shape.DATE_DATE) {
      return days;
    }
    RelDataType date = f.createTypeWithNullability(f.createSqlType(SqlTypeName.DATE),
        days.getType().isNullable());
    return rex.makeReinterpretCast(date, days, rex.makeLiteral(false));
  }

  private static boolean isDate(SqlRexContext cx, org.apache.calcite.sql.SqlNode operand) {
    RelDataType t = cx.getValidator().getValidatedNodeTypeIfKnown(operand);
    return t == null || t.getSqlTypeName() == SqlTypeName.DATE;
  }

  /** Not a date: Calcite's own operator, on the same (validated) call. */
  private static RexNode standard(SqlRexContext cx, SqlCall call, DateArithmetic op) {
    ((SqlBasicCall) call).setOperator(op.standard);
    return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
  }

  private static RexNode days(RexBuilder rex, RexNode date) {
    RelDataTypeFactory f = rex.getTypeFactory();
    return rex.makeReinterpretCast(f.createTypeWithNullability(
        f.createSqlType(SqlTypeName.INTEGER), date.getType().isNullable()), date,
        rex.makeLiteral(false));
  }

  private static RexNode integer(RexBuilder rex, RexNode n) {
    RelDataTypeFactory f = rex.getTypeFactory();
    return n.getType().getSqlTypeName() == SqlTypeName.INTEGER ? n
        : rex.makeCast(f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER),
            n.getType().isNullable()), n);
  }
}
