package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.planner.vexec.ColumnSlot;
import org.yggdrasil.planner.vexec.Operand;
import org.yggdrasil.planner.vexec.VecExpr;
import org.yggdrasil.planner.vexec.VecPredicate;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.chunk.Encoding;

/**
 * Translates row expressions over a native table's columns into vectorized predicates and values.
 * Anything outside the supported subset yields null, and the caller keeps Calcite's plan.
 */
final class RexToVec {
  private final RexBuilder rexBuilder;
  private final TableSchema schema;
  private final List<ColumnSlot> slots = new ArrayList<>();
  private final Map<Integer, Integer> slotOfColumn = new java.util.HashMap<>();
  private final ExactArithmetic exact = new ExactArithmetic(this);
  /** Whether {@link #value} takes ln, exp, sqrt and abs: only inside {@link #valueWithMathFunctions}. */
  private boolean mathFunctions;

  RexToVec(RexBuilder rexBuilder, TableSchema schema) {
    this.rexBuilder = rexBuilder;
    this.schema = schema;
  }

  List<ColumnSlot> slots() {
    return slots;
  }

  /** The slot reading table column {@code column}, added on first use. */
  int slot(int column, SqlTypeName sqlType) {
    return slotOfColumn.computeIfAbsent(column, c -> {
      slots.add(new ColumnSlot(c, Encoding.of(schema.columns().get(c)), sqlType));
      return slots.size() - 1;
    });
  }

  /** The stored type of table column {@code column}. */
  ColumnType columnType(int column) {
    return schema.columns().get(column).type();
  }

  ColumnSlot column(int slot) {
    return slots.get(slot);
  }

  /** The scale of an exact value's unscaled integers (0 for integers). */
  int scale(VecExpr e) {
    return exact.scale(e);
  }

  // ---- predicates ----

  VecPredicate predicate(RexNode node) {
    switch (node.getKind()) {
      case AND, OR -> {
        List<VecPredicate> parts = new ArrayList<>();
        for (RexNode o : ((RexCall) node).getOperands()) {
          VecPredicate p = predicate(o);
          if (p == null) {
            return null;
          }
          parts.add(p);
        }
        return node.getKind() == SqlKind.AND ? new VecPredicate.And(parts) : new VecPredicate.Or(parts);
      }
      case SEARCH -> {
        return predicate(RexUtil.expandSearch(rexBuilder, null, node));
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        return comparison((RexCall) node);
      }
      case IS_NULL, IS_NOT_NULL -> {
        Integer slot = columnSlot(((RexCall) node).getOperands().get(0), true);
        return slot == null ? null : new VecPredicate.IsNull(slot, node.getKind() == SqlKind.IS_NULL);
      }
      case LIKE -> {
        return like((RexCall) node, false);
      }
      case NOT -> {
        return negation(((RexCall) node).getOperands().get(0));
      }
      case INPUT_REF -> {
        return booleanColumn(node, true);
      }
      case LITERAL -> {
        Boolean b = ((RexLiteral) node).getValueAs(Boolean.class);
        if (b == null) {
          return null;
        }
        return b ? new VecPredicate.And(List.of()) : new VecPredicate.Or(List.of());
      }
      default -> {
        return null;
      }
    }
  }

  /** A boolean column used as a condition: true rows ({@code value}) or false rows. */
  private VecPredicate booleanColumn(RexNode node, boolean value) {
    RexInputRef ref = (RexInputRef) node;
    if (schema.columns().get(ref.getIndex()).type() != ColumnType.BOOL) {
      return null;
    }
    int slot = slot(ref.getIndex(), SqlTypeName.BOOLEAN);
    return new VecPredicate.Compare(slot, CmpOp.EQ, Operand.of(value ? 1L : 0L));
  }

  private VecPredicate negation(RexNode inner) {
    switch (inner.getKind()) {
      case INPUT_REF -> {
        return booleanColumn(inner, false);
      }
      case LIKE -> {
        return like((RexCall) inner, true);
      }
      case IS_NULL, IS_NOT_NULL -> {
        Integer slot = columnSlot(((RexCall) inner).getOperands().get(0), true);
        return slot == null ? null : new VecPredicate.IsNull(slot, inner.getKind() != SqlKind.IS_NULL);
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        RexCall c = (RexCall) inner;
        RexNode negated = rexBuilder.makeCall(negatedOperator(c.getKind()), c.getOperands());
        return comparison((RexCall) negated);
      }
      default -> {
        return null;
      }
    }
  }

  private static org.apache.calcite.sql.SqlOperator negatedOperator(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT_EQUALS;
      case NOT_EQUALS -> org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
      case LESS_THAN -> org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
      case LESS_THAN_OR_EQUAL -> org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN;
      case GREATER_THAN -> org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
      default -> org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN;
    };
  }

  private VecPredicate comparison(RexCall call) {
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    CmpOp op = cmp(call.getKind());
    Integer slot = columnSlot(a, false);
    RexNode other = b;
    if (slot == null) {
      slot = columnSlot(b, false);
      other = a;
      op = op.flip();
    }
    if (slot == null) {
      VecPredicate e = expressionComparison(a, cmp(call.getKind()), b);
      return e != null ? e : expressionComparison(b, cmp(call.getKind()).flip(), a);
    }
    ColumnSlot column = slots.get(slot);
    if (column.isText() && op != CmpOp.EQ && op != CmpOp.NE) {
      return null;
    }
    Operand value = constant(other, column);
    return value == null ? null : new VecPredicate.Compare(slot, op, value);
  }

  /**
   * {@code expr op constant} where {@code expr} is arithmetic over columns (floating-point, or
   * exact over integers and numerics, compared exactly at its scale) or a text length, or null.
   */
  private VecPredicate expressionComparison(RexNode exprNode, CmpOp op, RexNode constantNode) {
    // integer arithmetic widened to numeric to meet a numeric constant keeps its values
    while (exprNode.getKind() == SqlKind.CAST
        && exprNode.getType().getSqlTypeName() == SqlTypeName.DECIMAL
        && exprNode.getType().getScale() == 0) {
      RexNode inner = ((RexCall) exprNode).getOperands().get(0);
      if (!SqlTypeName.INT_TYPES.contains(inner.getType().getSqlTypeName())) {
        break;
      }
      exprNode = inner;
    }
    if (!(exprNode instanceof RexCall)) {
      return null;
    }
    SqlTypeName type = exprNode.getType().getSqlTypeName();
    boolean floating = type == SqlTypeName.DOUBLE || type == SqlTypeName.REAL
        || type == SqlTypeName.FLOAT;
    Operand value = numericConstant(constantNode, floating);
    if (value == null) {
      return null;
    }
    VecExpr e = value(exprNode);
    if (floating) {
      return e instanceof VecExpr.Arith ? new VecPredicate.ExprCompare(e, 0, op, value) : null;
    }
    return e instanceof VecExpr.Exact || e instanceof VecExpr.CharLength
        ? new VecPredicate.ExprCompare(e, scale(e), op, value) : null;
  }

  /**
   * A numeric literal (as a double when {@code floating}, else exactly) or parameter, or null.
   */
  private static Operand numericConstant(RexNode node, boolean floating) {
    RexNode n = node;
    while (n.getKind() == SqlKind.CAST) {
      n = ((RexCall) n).getOperands().get(0);
    }
    if (!SqlTypeFamily.NUMERIC.getTypeNames().contains(n.getType().getSqlTypeName())) {
      return null;
    }
    if (n instanceof RexDynamicParam p) {
      return Operand.parameter(p.getIndex());
    }
    if (n instanceof RexLiteral lit && !lit.isNull()) {
      return Operand.of(floating ? lit.getValueAs(Double.class) : lit.getValueAs(BigDecimal.class));
    }
    return null;
  }

  private VecPredicate like(RexCall call, boolean negated) {
    String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    boolean ci = name.contains("ILIKE");
    if (!name.equals("LIKE") && !name.equals("ILIKE")) {
      return null;
    }
    Integer slot = columnSlot(call.getOperands().get(0), true);
    if (slot == null || !slots.get(slot).isText()) {
      return null;
    }
    Operand pattern = textConstant(call.getOperands().get(1));
    if (pattern == null) {
      return null;
    }
    char escape = '\\';
    if (call.getOperands().size() > 2) {
      if (!(call.getOperands().get(2) instanceof RexLiteral e)) {
        return null;
      }
      String s = e.getValueAs(String.class);
      if (s == null || s.length() > 1) {
        return null;
      }
      escape = s.isEmpty() ? 0 : s.charAt(0);
    }
    return new VecPredicate.Like(slot, pattern, escape, ci, negated);
  }

  private static CmpOp cmp(SqlKind k) {
    return switch (k) {
      case EQUALS -> CmpOp.EQ;
      case NOT_EQUALS -> CmpOp.NE;
      case LESS_THAN -> CmpOp.LT;
      case LESS_THAN_OR_EQUAL -> CmpOp.LE;
      case GREATER_THAN -> CmpOp.GT;
      default -> CmpOp.GE;
    };
  }

  /** The slot of a column referenced as it is (no cast around it), or null. */
  Integer bareColumnSlot(RexNode node) {
    return node instanceof RexInputRef ? columnSlot(node, false) : null;
  }

  /**
   * The slot of a column reference, through casts that keep every value (to a wider number, or
   * text to text); {@code anyType} admits text and boolean columns for null tests and LIKE.
   */
  Integer columnSlot(RexNode node, boolean anyType) {
    RexNode n = node;
    while (n.getKind() == SqlKind.CAST) {
      RexNode widened = NumericWidening.widened(n);
      if (widened != null) {
        n = widened;
        continue;
      }
      RexNode inner = ((RexCall) n).getOperands().get(0);
      if (!widening(inner.getType().getSqlTypeName(), n.getType().getSqlTypeName())) {
        return null;
      }
      n = inner;
    }
    if (!(n instanceof RexInputRef ref)) {
      return null;
    }
    ColumnType t = schema.columns().get(ref.getIndex()).type();
    boolean text = t == ColumnType.TEXT || t == ColumnType.VARCHAR;
    boolean number = switch (t) {
      case INT2, INT4, INT8, FLOAT4, FLOAT8, DATE, TIMESTAMP, TIMESTAMPTZ -> true;
      case NUMERIC -> Encoding.of(schema.columns().get(ref.getIndex())).hasBits();
      default -> false;
    };
    if (!number && !text && !anyType) {
      return null;
    }
    if (!number && !text && t != ColumnType.BOOL) {
      return null;
    }
    return slot(ref.getIndex(), ref.getType().getSqlTypeName());
  }

  private static boolean widening(SqlTypeName from, SqlTypeName to) {
    if (from == to) {
      return true;
    }
    if (SqlTypeFamily.CHARACTER.getTypeNames().contains(from)) {
      return to == SqlTypeName.VARCHAR;
    }
    return switch (from) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> switch (to) {
        case SMALLINT, INTEGER -> rank(from) <= rank(to);
        case BIGINT, DECIMAL, DOUBLE, FLOAT -> true;
        default -> false;
      };
      case REAL, FLOAT -> to == SqlTypeName.DOUBLE;
      case DECIMAL -> to == SqlTypeName.DOUBLE || to == SqlTypeName.DECIMAL;
      default -> false;
    };
  }

  private static int rank(SqlTypeName t) {
    return switch (t) {
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER -> 3;
      default -> 4;
    };
  }

  /** A literal or parameter to compare {@code column} with, in Calcite's internal form. */
  private Operand constant(RexNode node, ColumnSlot column) {
    if (column.isText()) {
      return textConstant(node);
    }
    RexNode n = node;
    while (n.getKind() == SqlKind.CAST) {
      RexNode inner = ((RexCall) n).getOperands().get(0);
      if (!widening(inner.getType().getSqlTypeName(), n.getType().getSqlTypeName())) {
        return null;
      }
      n = inner;
    }
    SqlTypeName t = n.getType().getSqlTypeName();
    boolean temporal = t == SqlTypeName.DATE || t == SqlTypeName.TIMESTAMP;
    boolean columnTemporal = switch (column.encoding().type()) {
      case DATE, TIMESTAMP -> true;
      default -> false;
    };
    if (temporal != columnTemporal || (temporal && t != column.sqlType())) {
      return null;
    }
    if (!temporal && !SqlTypeFamily.NUMERIC.getTypeNames().contains(t)) {
      return null;
    }
    if (n instanceof RexDynamicParam p) {
      return Operand.parameter(p.getIndex());
    }
    if (n instanceof RexLiteral lit && !lit.isNull()) {
      return Operand.of(switch (t) {
        case DATE -> lit.getValueAs(Integer.class);
        case TIMESTAMP -> org.yggdrasil.planner.schema.functions.TimestampMicros.of(
            lit.getValueAs(org.apache.calcite.util.TimestampString.class));
        case REAL, FLOAT, DOUBLE -> lit.getValueAs(Double.class);
        default -> lit.getValueAs(BigDecimal.class);
      });
    }
    return null;
  }

  private Operand textConstant(RexNode node) {
    RexNode n = node;
    while (n.getKind() == SqlKind.CAST
        && SqlTypeFamily.CHARACTER.getTypeNames().contains(n.getType().getSqlTypeName())
        && n.getType().getSqlTypeName() == SqlTypeName.VARCHAR) {
      n = ((RexCall) n).getOperands().get(0);
    }
    if (!SqlTypeFamily.CHARACTER.getTypeNames().contains(n.getType().getSqlTypeName())) {
      return null;
    }
    if (n instanceof RexDynamicParam p) {
      return Operand.parameter(p.getIndex());
    }
    if (n instanceof RexLiteral lit && !lit.isNull()) {
      String v = lit.getValueAs(String.class);
      // a char(n) literal compares without its trailing blanks; keep Calcite's plan for those
      if (n.getType().getSqlTypeName() == SqlTypeName.CHAR && v.endsWith(" ")) {
        return null;
      }
      return Operand.of(v);
    }
    return null;
  }

  // ---- values ----

  /**
   * {@link #value} that also takes {@code ln}, {@code exp}, {@code sqrt} and {@code abs} of
   * floating-point values ({@link VecExpr.MathFn}); the caller checks ln's argument on the rows it
   * keeps.
   */
  VecExpr valueWithMathFunctions(RexNode node) {
    mathFunctions = true;
    try {
      return value(node);
    } finally {
      mathFunctions = false;
    }
  }

  /** A numeric value of the given kind, or null. */
  VecExpr value(RexNode node) {
    SqlTypeName type = node.getType().getSqlTypeName();
    boolean floating = type == SqlTypeName.DOUBLE || type == SqlTypeName.REAL || type == SqlTypeName.FLOAT;
    if (mathFunctions && floating && node instanceof RexCall call) {
      VecExpr.MathOp op = mathOp(call);
      if (op != null) {
        // a numeric argument is rounded to double first, as Calcite's BigDecimal variants do
        RexNode operand = call.getOperands().get(0);
        VecExpr arg = value(operand) instanceof VecExpr.Exact x ? x : doubleOperand(operand);
        return arg == null || arg instanceof VecExpr.Constant ? null : new VecExpr.MathFn(op, arg);
      }
    }
    switch (node.getKind()) {
      case INPUT_REF, CAST -> {
        Integer slot = columnSlot(node, false);
        if (slot == null) {
          return null;
        }
        ColumnSlot c = slots.get(slot);
        if (c.isText() || !numeric(c)) {
          return null;
        }
        if (floating) {
          return new VecExpr.Column(slot, VecExpr.Kind.DOUBLE);
        }
        if (c.isFloating()) {
          return null;
        }
        // an exact value keeps its scale only through a cast to the same scale
        if (type == SqlTypeName.DECIMAL && node.getType().getScale() != c.scale()) {
          return null;
        }
        return new VecExpr.Column(slot, VecExpr.Kind.LONG);
      }
      case PLUS, MINUS, TIMES, DIVIDE -> {
        if (!floating) {
          return exact.translate((RexCall) node);
        }
        RexCall call = (RexCall) node;
        if (call.getOperands().size() != 2) {
          return null;
        }
        VecExpr l = doubleOperand(call.getOperands().get(0));
        VecExpr r = doubleOperand(call.getOperands().get(1));
        if (l == null || r == null) {
          return null;
        }
        VecExpr.ArithOp op = switch (node.getKind()) {
          case PLUS -> VecExpr.ArithOp.ADD;
          case MINUS -> VecExpr.ArithOp.SUB;
          case TIMES -> VecExpr.ArithOp.MUL;
          default -> VecExpr.ArithOp.DIV;
        };
        if (op == VecExpr.ArithOp.DIV && !(r instanceof VecExpr.Constant)) {
          return null;
        }
        if (l instanceof VecExpr.Constant && r instanceof VecExpr.Constant) {
          return null;
        }
        return new VecExpr.Arith(op, l, r);
      }
      case OTHER_FUNCTION -> {
        String name = ((RexCall) node).getOperator().getName().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("PG_NUMERIC_KEEPSCALE") || name.equals("PG_NUMERIC_FROMLONG")) {
          // casts to unconstrained numeric (PgNumericRewrite): the value and its scale stay
          VecExpr inner = value(((RexCall) node).getOperands().get(0));
          return inner instanceof VecExpr.Exact
              || (inner instanceof VecExpr.Column c && c.kind() == VecExpr.Kind.LONG) ? inner : null;
        }
        boolean length = name.equals("CHAR_LENGTH") || name.equals("CHARACTER_LENGTH")
            || name.equals("LENGTH");
        return length ? charLength((RexCall) node) : null;
      }
      default -> {
        return node.getKind() == SqlKind.CHAR_LENGTH ? charLength((RexCall) node) : null;
      }
    }
  }

  /** The math function {@code call} is, or null; Calcite turns sqrt(x) into power(x, 0.5). */
  private static VecExpr.MathOp mathOp(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    if (call.getOperands().size() == 2) {
      return name.equals("POWER") && call.getOperands().get(1) instanceof RexLiteral exponent
          && exponent.getValue() instanceof java.math.BigDecimal d && d.compareTo(new java.math.BigDecimal("0.5")) == 0
          ? VecExpr.MathOp.SQRT : null;
    }
    return call.getOperands().size() != 1 ? null : switch (name) {
      case "LN" -> VecExpr.MathOp.LN;
      case "EXP" -> VecExpr.MathOp.EXP;
      case "ABS" -> VecExpr.MathOp.ABS;
      default -> null;
    };
  }

  /** {@code char_length(text column)}, or null for any other argument. */
  private VecExpr charLength(RexCall call) {
    Integer slot = columnSlot(call.getOperands().get(0), false);
    return slot != null && slots.get(slot).isText() ? new VecExpr.CharLength(slot) : null;
  }

  private VecExpr doubleOperand(RexNode node) {
    RexNode n = node;
    if (n.getKind() == SqlKind.CAST && ((RexCall) n).getOperands().get(0) instanceof RexLiteral) {
      n = ((RexCall) n).getOperands().get(0);
    }
    if (n instanceof RexLiteral lit) {
      if (lit.isNull() || !SqlTypeFamily.NUMERIC.getTypeNames().contains(lit.getType().getSqlTypeName())) {
        return null;
      }
      return new VecExpr.Constant(Operand.of(lit.getValueAs(Double.class)), VecExpr.Kind.DOUBLE);
    }
    if (n instanceof RexDynamicParam) {
      // a NULL parameter would make every value NULL; keep Calcite's plan for that shape
      return null;
    }
    VecExpr e = value(node);
    if (e instanceof VecExpr.Column c) {
      return new VecExpr.Column(c.slot(), VecExpr.Kind.DOUBLE);
    }
    if (e instanceof VecExpr.CharLength || e instanceof VecExpr.Exact) {
      return null;
    }
    return e;
  }

  private static boolean numeric(ColumnSlot c) {
    return numeric(c.encoding().type());
  }

  /** Whether table column {@code column} holds numbers: integers, floating point or numeric. */
  boolean isNumber(int column) {
    return numeric(columnType(column));
  }

  private static boolean numeric(ColumnType t) {
    return switch (t) {
      case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC -> true;
      default -> false;
    };
  }
}
