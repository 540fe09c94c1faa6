package org.yggdrasil.planner.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.planner.model.AnomalyFunction;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.vexec.ScorePlan;
import org.yggdrasil.planner.vexec.VecExpr;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * Recognises {@code [Calc] (native table scan)} where the Calc or the filters pushed into the scan
 * call anomaly functions over numeric columns (or expressions of them), and moves the scoring into an {@link
 * AccelScoreRel}: every conjunct without an anomaly call runs first, vectorized (instead of
 * through Calcite's interpreter); the scores are computed in batches for the rows left; a Calc
 * above keeps the conjuncts that test scores and the projections, reading the scores as columns. Null (Calcite's plan stays) when any other conjunct cannot be
 * vectorized (scoring before it could fail on rows it would have removed), or a feature is
 * neither a numeric column nor arithmetic and ln/exp/sqrt/abs over such columns.
 */
final class ScoreMatcher {
  private ScoreMatcher() {}

  static EnumerableCalc match(EnumerableCalc calc) {
    return match(calc.getInput(), projects(calc.getProgram()), condition(calc.getProgram()), calc.getRowType());
  }

  private static List<RexNode> projects(RexProgram program) {
    return program.getProjectList().stream().map(program::expandLocalRef).toList();
  }

  private static RexNode condition(RexProgram program) {
    return program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
  }

  /**
   * {@code agg} over anomaly calls (a Calc calling them over a scan, or a scan with them in its
   * pushed filters), where the aggregate reads only some of the fields below it (e.g. {@code
   * count(*) … WHERE ANOMALY_SCORE('m') > 0.7}): scored with the other fields made NULL, so the
   * scan does not hand out their values for every row. Null when the aggregate reads every field
   * or nothing below is scored.
   */
  static RelNode matchUnder(EnumerableAggregate agg) {
    RelNode input = agg.getInput();
    List<RexNode> projects;
    RexNode condition = null;
    RelNode scanNode;
    if (input instanceof EnumerableCalc calc) {
      projects = projects(calc.getProgram());
      condition = condition(calc.getProgram());
      scanNode = calc.getInput();
    } else if (input instanceof EnumerableInterpreter) {
      projects = identity(input);
      scanNode = input;
    } else {
      return null;
    }
    ImmutableBitSet.Builder read = ImmutableBitSet.builder().addAll(agg.getGroupSet());
    for (AggregateCall call : agg.getAggCallList()) {
      read.addAll(call.getArgList());
      if (call.filterArg >= 0) {
        read.set(call.filterArg);
      }
    }
    ImmutableBitSet used = read.build();
    if (used.cardinality() == projects.size()) {
      return null;
    }
    RexBuilder rexBuilder = agg.getCluster().getRexBuilder();
    List<RexNode> trimmed = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      RexNode p = projects.get(i);
      if (!used.get(i)) {
        if (!p.getType().isNullable()) {
          return null; // NULL is the one constant of every type, but only of nullable ones
        }
        p = rexBuilder.makeNullLiteral(p.getType());
      }
      trimmed.add(p);
    }
    EnumerableCalc scored = match(scanNode, trimmed, condition, input.getRowType());
    return scored == null ? null : agg.copy(agg.getTraitSet(), List.of(scored));
  }

  private static List<RexNode> identity(RelNode node) {
    List<RexNode> out = new ArrayList<>();
    for (RelDataTypeField f : node.getRowType().getFieldList()) {
      out.add(new RexInputRef(f.getIndex(), f.getType()));
    }
    return out;
  }

  /** A scan whose pushed filters call anomaly functions, with nothing above it. */
  static EnumerableCalc match(EnumerableInterpreter scanNode) {
    return match(scanNode, identity(scanNode), null, scanNode.getRowType());
  }

  /**
   * {@code projects} and {@code condition} over the fields of {@code scanNode}, giving rows of
   * {@code rowType}.
   */
  private static EnumerableCalc match(RelNode scanNode, List<RexNode> projects, RexNode condition,
      RelDataType rowType) {
    ScanShape scan = ScanShape.of(scanNode);
    if (scan == null) {
      return null;
    }
    // everything over the table's columns from here on: the scan's filters already are
    projects = projects.stream().map(scan::toTableColumns).toList();
    List<RexNode> conjuncts = new ArrayList<>();
    for (RexNode f : scan.filters()) {
      conjuncts.addAll(RelOptUtil.conjunctions(f));
    }
    if (condition != null) {
      conjuncts.addAll(RelOptUtil.conjunctions(scan.toTableColumns(condition)));
    }
    Map<String, RexCall> calls = new LinkedHashMap<>();
    collect(projects, calls);
    collect(conjuncts, calls);
    if (calls.isEmpty()) {
      return null;
    }
    NativeTable table = scan.table();
    RexBuilder rexBuilder = scanNode.getCluster().getRexBuilder();
    RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
    RelDataType tableType = table.getRowType(typeFactory);
    RexToVec rex = new RexToVec(rexBuilder, table.version().schema());
    List<VecPredicate> filters = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    for (RexNode conjunct : conjuncts) {
      if (hasAnomalyCall(conjunct)) {
        residual.add(conjunct);
        continue;
      }
      VecPredicate p = rex.predicate(conjunct);
      if (p == null) {
        return null;
      }
      filters.add(p);
    }
    List<ScorePlan.Score> scores = new ArrayList<>();
    for (RexCall call : calls.values()) {
      ScorePlan.Score s = score(call, rex, tableType);
      if (s == null) {
        return null;
      }
      scores.add(s);
    }
    // the Calc reads the table's columns by their index, then the scores
    int base = tableType.getFieldCount();
    List<String> keys = new ArrayList<>(calls.keySet());
    RexShuttle toColumns = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        int i = keys.indexOf(call.toString());
        if (i >= 0 && AnomalyFunction.measureOf(call.getOperator()) != null) {
          ScorePlan.Score s = scores.get(i);
          RexNode value = new RexInputRef(base + i, typeFactory.createTypeWithNullability(call.getType(), true));
          return AnomalyFunction.required(rexBuilder, value, s.model(), s.measure());
        }
        return super.visitCall(call);
      }
    };
    List<RexNode> newProjects = projects.stream().map(p -> p.accept(toColumns)).toList();
    RexNode newCondition = residual.isEmpty() ? null
        : RexUtil.composeConjunction(rexBuilder, residual).accept(toColumns);
    RelDataTypeFactory.Builder type = typeFactory.builder();
    for (RelDataTypeField f : tableType.getFieldList()) {
      type.add(f.getName(), f.getType());
    }
    for (int i = 0; i < calls.size(); i++) {
      type.add("$score" + i, typeFactory.createTypeWithNullability(calls.get(keys.get(i)).getType(), true));
    }
    RelDataType outputType = type.build();
    // columns nothing above reads are not materialized
    BitSet used = new BitSet();
    for (RexNode p : newProjects) {
      used.or(RelOptUtil.InputFinder.bits(p).toBitSet());
    }
    if (newCondition != null) {
      used.or(RelOptUtil.InputFinder.bits(newCondition).toBitSet());
    }
    List<Integer> passThrough = new ArrayList<>();
    for (int i = 0; i < base; i++) {
      passThrough.add(used.get(i) ? rex.slot(i, tableType.getFieldList().get(i).getType().getSqlTypeName()) : -1);
    }
    VecPredicate filter = VecPredicate.allOf(filters);
    ScorePlan plan = new ScorePlan(table, scan.tableName(),
        List.copyOf(rex.slots()), filter, List.copyOf(passThrough), List.copyOf(scores));
    AccelScoreRel scored = new AccelScoreRel(scanNode.getCluster(), scanNode.getTraitSet(),
        outputType, plan);
    RexProgram newProgram = RexProgram.create(outputType, newProjects, newCondition, rowType, rexBuilder);
    return EnumerableCalc.create(scored, newProgram);
  }

  /** The anomaly calls among {@code nodes}, by digest (the same call twice is scored once). */
  private static void collect(List<RexNode> nodes, Map<String, RexCall> into) {
    RexShuttle finder = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (AnomalyFunction.measureOf(call.getOperator()) != null) {
          into.putIfAbsent(call.toString(), call);
          return call;
        }
        return super.visitCall(call);
      }
    };
    for (RexNode n : nodes) {
      n.accept(finder);
    }
  }

  private static boolean hasAnomalyCall(RexNode node) {
    Map<String, RexCall> found = new LinkedHashMap<>();
    collect(List.of(node), found);
    return !found.isEmpty();
  }

  /**
   * {@code ygg_anomaly_x('model', ARRAY[feature, …])} whose features are numeric columns (cast to
   * double precision) or floating-point arithmetic, numeric arithmetic and ln/exp/sqrt/abs over
   * them, else null.
   */
  private static ScorePlan.Score score(RexCall call, RexToVec rex, RelDataType tableType) {
    Measure measure = AnomalyFunction.measureOf(call.getOperator());
    if (call.getOperands().size() != 2 || !(call.getOperands().get(0) instanceof RexLiteral name)
        || !(call.getOperands().get(1) instanceof RexCall array)
        || array.getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      return null;
    }
    String model = name.getValueAs(String.class);
    List<VecExpr> features = new ArrayList<>();
    for (RexNode feature : array.getOperands()) {
      VecExpr e = feature(feature, rex, tableType);
      if (e == null) {
        return null;
      }
      features.add(e);
    }
    return new ScorePlan.Score(model, measure, List.copyOf(features));
  }

  /** One feature as a floating-point value, or null. */
  private static VecExpr feature(RexNode feature, RexToVec rex, RelDataType tableType) {
    RexNode inner = feature;
    if (inner instanceof RexCall cast && cast.getKind() == SqlKind.CAST) {
      inner = cast.getOperands().get(0);
    }
    if (inner instanceof RexInputRef ref) {
      int column = ref.getIndex();
      if (!rex.isNumber(column)) {
        return null;
      }
      return new VecExpr.Column(rex.slot(column, tableType.getFieldList().get(column).getType().getSqlTypeName()),
          VecExpr.Kind.DOUBLE);
    }
    // real (float4) arithmetic rounds each step to float: not what double kernels compute
    SqlTypeName type = inner.getType().getSqlTypeName();
    if (type != SqlTypeName.DOUBLE && type != SqlTypeName.DECIMAL) {
      return null;
    }
    // CAST(numeric arithmetic AS double): the exact value, then rounded once, as the cast does
    VecExpr e = rex.valueWithMathFunctions(inner);
    if (e instanceof VecExpr.Exact || (e != null && e.kind() == VecExpr.Kind.DOUBLE && !(e instanceof VecExpr.Constant))) {
      return e;
    }
    return null;
  }
}
