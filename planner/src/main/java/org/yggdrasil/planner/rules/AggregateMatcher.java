package org.yggdrasil.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.vexec.AggSpec;
import org.yggdrasil.planner.vexec.AggregatePlan;
import org.yggdrasil.planner.vexec.ColumnSlot;
import org.yggdrasil.planner.vexec.VecExpr;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * Recognises {@code Aggregate [Calc] (scan of a native table with pushed filters)} and builds the
 * equivalent {@link AggregatePlan}, or returns null when any part is outside what the vectorized
 * executor supports (the Enumerable plan then stays).
 */
final class AggregateMatcher {
  private AggregateMatcher() {}

  static AccelAggregateRel match(EnumerableAggregate agg) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      return null;
    }
    RelNode input = agg.getInput();
    EnumerableCalc calc = null;
    if (input instanceof EnumerableCalc c) {
      calc = c;
      input = c.getInput();
    }
    ScanShape scan = ScanShape.of(input);
    if (scan == null) {
      return null;
    }
    NativeTable table = scan.table();
    List<Integer> projects = scan.projects();
    RexToVec rex = new RexToVec(agg.getCluster().getRexBuilder(), table.version().schema());

    List<VecPredicate> filters = scan.vectorFilters(rex);
    if (filters == null) {
      return null;
    }
    List<RexNode> fields = new ArrayList<>();
    if (calc == null) {
      for (int i = 0; i < projects.size(); i++) {
        fields.add(new RexInputRef(projects.get(i), input.getRowType().getFieldList().get(i).getType()));
      }
    } else {
      RexProgram program = calc.getProgram();
      if (program.getCondition() != null) {
        RexNode condition = scan.toTableColumns(program.expandLocalRef(program.getCondition()));
        VecPredicate p = rex.predicate(condition);
        if (p == null) {
          return null;
        }
        filters.add(p);
      }
      for (var ref : program.getProjectList()) {
        fields.add(scan.toTableColumns(program.expandLocalRef(ref)));
      }
    }

    List<Integer> groupSlots = new ArrayList<>();
    java.util.Map<Integer, org.yggdrasil.planner.vexec.KeyFunction> keyFunctions =
        new java.util.HashMap<>();
    for (int g : agg.getGroupSet()) {
      RexNode key = fields.get(g);
      if (!(key instanceof RexInputRef)) {
        // a key computed from a column: date_trunc, extract, % and / by constants, floor
        KeyExpressionMatcher.ComputedKey computed = KeyExpressionMatcher.match(key, rex);
        if (computed == null) {
          return null;
        }
        keyFunctions.put(groupSlots.size(), computed.function());
        groupSlots.add(computed.slot());
        continue;
      }
      Integer slot = rex.columnSlot(key, true);
      if (slot == null || rex.column(slot).isFloating()) {
        return null;
      }
      groupSlots.add(slot);
    }
    List<AggSpec> aggs = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      AggSpec spec = AggConditionMatcher.spec(call, fields, rex, AggregateMatcher::aggSpec);
      if (spec == null) {
        return null;
      }
      aggs.add(spec);
    }
    VecPredicate filter = VecPredicate.allOf(filters);
    AggregatePlan plan = new AggregatePlan(table, scan.tableName(), List.copyOf(rex.slots()),
        filter, List.copyOf(groupSlots), List.copyOf(aggs), java.util.Map.copyOf(keyFunctions));
    return new AccelAggregateRel(agg.getCluster(), agg.getTraitSet(), agg.getRowType(), plan);
  }

  private static AggSpec aggSpec(AggregateCall call, List<RexNode> fields, RexToVec rex) {
    if (call.getAggregation() instanceof org.apache.calcite.sql.validate.SqlUserDefinedAggFunction) {
      return StatAggMatcher.spec(call, fields, rex);
    }
    // FILTER is AggConditionMatcher's (which calls this for the aggregate over all rows)
    if (call.isDistinct() || call.isApproximate() || call.getArgList().size() > 1
        || !call.getCollation().getFieldCollations().isEmpty()) {
      return null;
    }
    SqlTypeName resultType = call.getType().getSqlTypeName();
    RexNode arg = call.getArgList().isEmpty() ? null : fields.get(call.getArgList().get(0));
    switch (call.getAggregation().getKind()) {
      case COUNT -> {
        if (arg == null) {
          return new AggSpec(AggSpec.Fn.COUNT, null, -1, resultType, 0);
        }
        VecExpr e = rex.value(arg);
        if (e == null && arg instanceof RexInputRef) {
          Integer slot = rex.columnSlot(arg, true);
          e = slot == null ? null : new VecExpr.Column(slot, VecExpr.Kind.LONG);
        }
        return e == null ? null : new AggSpec(AggSpec.Fn.COUNT, e, -1, resultType, 0);
      }
      case SUM, SUM0 -> {
        if (arg == null) {
          return null;
        }
        VecExpr e = rex.value(arg);
        if (e == null) {
          return null;
        }
        AggSpec.Fn fn = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SUM
            ? AggSpec.Fn.SUM : AggSpec.Fn.SUM0;
        if (e.kind() == VecExpr.Kind.DOUBLE) {
          return resultType == SqlTypeName.DOUBLE || resultType == SqlTypeName.REAL
              || resultType == SqlTypeName.FLOAT ? new AggSpec(fn, e, -1, resultType, 0) : null;
        }
        int scale = rex.scale(e);
        boolean ok = switch (resultType) {
          case BIGINT, INTEGER -> scale == 0;
          // Calcite's SUM over BigDecimals keeps the inputs' scale whatever the declared type
          case DECIMAL -> true;
          default -> false;
        };
        return ok ? new AggSpec(fn, e, -1, resultType, scale) : null;
      }
      case MIN, MAX -> {
        Integer slot = rex.bareColumnSlot(arg);
        if (slot == null) {
          return null;
        }
        ColumnSlot c = rex.column(slot);
        // a text column's extremes are compared as its bytes (TextExtremes): the LONG kind only
        // names the column whose NULLs are skipped
        AggSpec.Fn fn = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.MIN
            ? AggSpec.Fn.MIN : AggSpec.Fn.MAX;
        return new AggSpec(fn, new VecExpr.Column(slot,
            c.isFloating() ? VecExpr.Kind.DOUBLE : VecExpr.Kind.LONG), slot, resultType, 0);
      }
      default -> {
        return null;
      }
    }
  }
}
