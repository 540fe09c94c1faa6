package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.TimestampString;
import org.yggdrasil.planner.schema.functions.TimestampMicros;

/**
 * Makes an optimised plan run with timestamps as microseconds (PostgreSQL's precision) where
 * Calcite's generated code assumes milliseconds.
 *
 * <p>Values enter the generated code as microseconds (scans, parameters) and leave it as
 * microseconds (results). Operators that only move or compare values (comparisons, CASE,
 * COALESCE, ORDER BY, GROUP BY, MIN/MAX, joins) do not care about the unit and run unchanged,
 * so a timestamp that is selected, filtered, sorted or joined keeps its microseconds. Every
 * other Calcite operator on a timestamp (casts, arithmetic, EXTRACT, …) gets its timestamp
 * operands in milliseconds and its timestamp result converted back; those lose the sub-
 * millisecond digits, as they did before. Timestamp literals become microsecond constants.
 * {@code REINTERPRET} between timestamps and bigint exposes the microseconds: Yggdrasil's own
 * runtime functions that take timestamps that way ({@code PgText}, {@code AtTimeZone}) count in
 * microseconds.
 *
 * <p>This runs on the final physical plan, after constant reduction, so the planner itself
 * (and the EXPLAIN text) still sees Calcite's conventions.
 */
final class MicrosecondTimestamps extends RexShuttle {
  private static final SqlUserDefinedFunction TO_MILLIS = runtime("toMillis");
  private static final SqlUserDefinedFunction TO_MICROS = runtime("toMicros");

  private final RexBuilder rex;

  private MicrosecondTimestamps(RexBuilder rex) {
    this.rex = rex;
  }

  /** The plan with every expression rewritten for microsecond timestamps. */
  static RelNode apply(RelNode plan) {
    return new MicrosecondTimestamps(plan.getCluster().getRexBuilder()).rewrite(plan);
  }

  private RelNode rewrite(RelNode rel) {
    RelNode node = FinishedPlans.withInputs(rel, this::rewrite);
    if (node instanceof EnumerableCalc calc) {
      return FinishedPlans.calc(calc, this::convert);
    }
    if (node instanceof EnumerableValues values) {
      return rewriteValues(values);
    }
    if (node instanceof Bindables.BindableTableScan scan && !scan.filters.isEmpty()) {
      // pushed-down filters the table leaves to Calcite's interpreter, which compiles them
      List<RexNode> filters = scan.filters.stream().map(this::convert).toList();
      if (filters.equals(scan.filters)) {
        return node;
      }
      return Bindables.BindableTableScan.create(scan.getCluster(), scan.getTable(), filters,
          scan.projects);
    }
    if (node instanceof Join || node instanceof Filter || node instanceof Project) {
      return node.accept(new RexShuttle() {
        @Override
        public RexNode visitCall(RexCall call) {
          return convert(call);
        }
      });
    }
    return node;
  }

  /** Values with timestamp columns: bigint microseconds, reinterpreted by a Calc on top. */
  private RelNode rewriteValues(EnumerableValues values) {
    List<RelDataTypeField> fields = values.getRowType().getFieldList();
    if (fields.stream().noneMatch(f -> isTimestamp(f.getType()))) {
      return values;
    }
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataTypeFactory.Builder rowType = types.builder();
    for (RelDataTypeField f : fields) {
      rowType.add(f.getName(), isTimestamp(f.getType())
          ? types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT),
              f.getType().isNullable())
          : f.getType());
    }
    RelDataType bigintRow = rowType.build();
    List<List<RexLiteral>> tuples = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<RexLiteral> t = new ArrayList<>(tuple.size());
      for (int i = 0; i < tuple.size(); i++) {
        RexLiteral lit = tuple.get(i);
        RelDataType target = bigintRow.getFieldList().get(i).getType();
        t.add(!isTimestamp(fields.get(i).getType()) ? lit
            : lit.isNull() ? (RexLiteral) rex.makeNullLiteral(target)
            : (RexLiteral) rex.makeLiteral(micros(lit), target));
      }
      tuples.add(t);
    }
    EnumerableValues input = EnumerableValues.create(values.getCluster(), bigintRow,
        com.google.common.collect.ImmutableList.copyOf(
            tuples.stream().map(com.google.common.collect.ImmutableList::copyOf).toList()));
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      RexNode ref = rex.makeInputRef(input, i);
      projects.add(isTimestamp(fields.get(i).getType())
          ? rex.makeReinterpretCast(fields.get(i).getType(), ref, rex.makeLiteral(false))
          : ref);
    }
    return EnumerableCalc.create(input, RexProgram.create(bigintRow, projects, null,
        values.getRowType(), rex));
  }

  /** The expression for microseconds; the same object when no timestamp is in it. */
  private RexNode convert(RexNode expr) {
    return mentionsTimestamp(expr) ? expr.accept(this) : expr;
  }

  private static boolean mentionsTimestamp(RexNode expr) {
    try {
      expr.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
        @Override
        public Void visitInputRef(org.apache.calcite.rex.RexInputRef ref) {
          return check(ref);
        }

        @Override
        public Void visitLocalRef(org.apache.calcite.rex.RexLocalRef ref) {
          return check(ref);
        }

        @Override
        public Void visitLiteral(RexLiteral literal) {
          return check(literal);
        }

        @Override
        public Void visitDynamicParam(org.apache.calcite.rex.RexDynamicParam param) {
          return check(param);
        }

        @Override
        public Void visitCall(RexCall call) {
          check(call);
          return super.visitCall(call);
        }

        private Void check(RexNode node) {
          if (isTimestamp(node.getType())) {
            throw org.apache.calcite.util.Util.FoundOne.NULL;
          }
          return null;
        }
      });
      return false;
    } catch (org.apache.calcite.util.Util.FoundOne found) {
      return true;
    }
  }

  @Override
  public RexNode visitLiteral(RexLiteral literal) {
    if (!isTimestamp(literal.getType()) || literal.isNull()) {
      return literal;
    }
    RelDataType bigint = rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
    return rex.makeReinterpretCast(literal.getType(),
        rex.makeLiteral(micros(literal), bigint), rex.makeLiteral(false));
  }

  @Override
  public RexNode visitCall(RexCall call) {
    if (call.getKind() == SqlKind.SEARCH && isTimestamp(call.getOperands().get(0).getType())) {
      // the ranges are timestamp literals: compare with microsecond constants instead
      return RexUtil.expandSearch(rex, null, call).accept(this);
    }
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall c) || unitFree(c)) {
      return visited;
    }
    List<RexNode> operands = new ArrayList<>(c.getOperands().size());
    boolean changed = false;
    for (RexNode operand : c.getOperands()) {
      if (isTimestamp(operand.getType())) {
        operands.add(shift(operand, TO_MILLIS));
        changed = true;
      } else {
        operands.add(operand);
      }
    }
    RexNode result = changed ? c.clone(c.getType(), operands) : c;
    return isTimestamp(c.getType()) ? shift(result, TO_MICROS) : result;
  }

  /** Whether a call gives the same answer whatever unit its timestamp operands count in. */
  private static boolean unitFree(RexCall call) {
    return switch (call.getKind()) {
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
          GREATER_THAN_OR_EQUAL, IS_NULL, IS_NOT_NULL, IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM,
          CASE, COALESCE, NULLIF, GREATEST, LEAST, AND, OR, NOT, REINTERPRET, INPUT_REF,
          ROW, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE -> true;
      // a cast between timestamps of the same kind only changes the declared precision
      case CAST -> call.getType().getSqlTypeName()
          == call.getOperands().get(0).getType().getSqlTypeName();
      default -> false;
    };
  }

  private RexNode shift(RexNode value, SqlUserDefinedFunction unit) {
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType bigint = types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT),
        value.getType().isNullable());
    RexNode raw = rex.makeReinterpretCast(bigint, value, rex.makeLiteral(false));
    return rex.makeReinterpretCast(value.getType(), rex.makeCall(bigint, unit, List.of(raw)),
        rex.makeLiteral(false));
  }

  private static boolean isTimestamp(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
      default -> false;
    };
  }

  /** A timestamp literal's value in microseconds, with all its fractional digits. */
  static long micros(RexLiteral literal) {
    return TimestampMicros.of(literal.getValueAs(TimestampString.class));
  }

  private static SqlUserDefinedFunction runtime(String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier("ygg_timestamp_" + method, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0, InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY),
            f -> List.of(f.createSqlType(SqlTypeName.BIGINT)), i -> "micros", i -> false),
        ScalarFunctionImpl.create(TimestampMicros.class, method));
  }
}
