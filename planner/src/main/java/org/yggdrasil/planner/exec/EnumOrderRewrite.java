package org.yggdrasil.planner.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.schema.SnapshotSchema;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.EnumDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Makes values of enum columns order and compare by their type's sort order, as PostgreSQL does,
 * not by their text: ORDER BY keys and the operands of {@code < <= > >=} that are columns of an
 * enum type are replaced by {@code CASE col WHEN 'label' THEN sortorder … END}. The mapping is
 * taken from the snapshot the plan is compiled for; plans are cached per schema version, which
 * every ALTER TYPE changes. A string compared with an enum column must be one of its labels
 * (22P02 otherwise), as PostgreSQL's input conversion demands.
 */
final class EnumOrderRewrite extends RelHomogeneousShuttle {
  private final Snapshot snapshot;
  private boolean changed;

  private EnumOrderRewrite(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** The plan with enum orderings applied, or {@code rel} itself when it has none. */
  static RelNode apply(RelNode rel, SchemaPlus root) {
    Snapshot snapshot = SnapshotSchema.of(root);
    if (snapshot == null || snapshot.catalog().enumTypes().isEmpty()) {
      return rel;
    }
    EnumOrderRewrite shuttle = new EnumOrderRewrite(snapshot);
    RelNode out = rel.accept(shuttle);
    return shuttle.changed ? out : rel;
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (rel instanceof Sort sort && rel instanceof LogicalSort) {
      return sort(sort);
    }
    if (rel instanceof Filter filter) {
      RexNode c = filter.getCondition().accept(new Comparisons(filter.getInput(), 0));
      return c == filter.getCondition() ? rel
          : filter.copy(filter.getTraitSet(), filter.getInput(), c);
    }
    if (rel instanceof Project project) {
      Comparisons shuttle = new Comparisons(project.getInput(), 0);
      List<RexNode> exprs = shuttle.apply(project.getProjects());
      return exprs.equals(project.getProjects()) ? rel
          : project.copy(project.getTraitSet(), project.getInput(), exprs, project.getRowType());
    }
    if (rel instanceof Join join && join.getCondition() != null) {
      RexNode c = join.getCondition().accept(new Comparisons(join, -1));
      return c == join.getCondition() ? rel
          : join.copy(join.getTraitSet(), c, join.getLeft(), join.getRight(), join.getJoinType(),
              join.isSemiJoinDone());
    }
    return rel;
  }

  /** Sorts on the sort order of enum keys: an extra projected column per such key. */
  private RelNode sort(Sort sort) {
    RelNode input = sort.getInput();
    List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
    int n = input.getRowType().getFieldCount();
    RexBuilder rex = sort.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      projects.add(rex.makeInputRef(input, i));
      names.add(input.getRowType().getFieldList().get(i).getName());
    }
    List<RelFieldCollation> newKeys = new ArrayList<>();
    for (RelFieldCollation key : keys) {
      EnumDef type = enumOf(input, key.getFieldIndex());
      if (type == null && input instanceof Project p) {
        type = castType(p.getProjects().get(key.getFieldIndex()));
      }
      if (type == null) {
        newKeys.add(key);
        continue;
      }
      projects.add(sortOrder(rex, rex.makeInputRef(input, key.getFieldIndex()), type));
      names.add("$enum_order" + projects.size());
      newKeys.add(key.withFieldIndex(projects.size() - 1));
    }
    if (projects.size() == n) {
      return sort;
    }
    changed = true;
    RelNode widened = LogicalProject.create(input, List.of(), projects, names, java.util.Set.of());
    RelNode sorted = LogicalSort.create(widened, RelCollations.of(newKeys), sort.offset,
        sort.fetch);
    return LogicalProject.create(sorted, List.of(), projects.subList(0, n).stream()
        .map(p -> (RexNode) rex.makeInputRef(sorted, ((RexInputRef) p).getIndex())).toList(),
        names.subList(0, n), java.util.Set.of());
  }

  /** The enum type of field {@code index} of {@code rel} when it is an enum column, else null. */
  private EnumDef enumOf(RelNode rel, int index) {
    RelMetadataQuery mq = rel.getCluster().getMetadataQuery();
    RelColumnOrigin origin;
    try {
      origin = mq.getColumnOrigin(rel, index);
    } catch (RuntimeException e) {
      return null;
    }
    if (origin == null || origin.isDerived()) {
      return null;
    }
    RelOptTable table = origin.getOriginTable();
    NativeTable nt = table == null ? null : table.unwrap(NativeTable.class);
    if (nt == null) {
      return null;
    }
    List<ColumnDef> cols = nt.version().schema().columns();
    int ordinal = origin.getOriginColumnOrdinal();
    if (ordinal < 0 || ordinal >= cols.size() || cols.get(ordinal).userType() == null) {
      return null;
    }
    return snapshot.catalog().enumType(cols.get(ordinal).userType().name());
  }

  /** The enum type of a cast to it ({@code x::mood}, see {@link EnumCasts}), else null. */
  private EnumDef castType(RexNode e) {
    if (e instanceof RexCall call && call.getOperator().getName().equalsIgnoreCase("ygg_pg_enum_in")
        && call.getOperands().size() == 2 && call.getOperands().get(1) instanceof RexLiteral lit) {
      String name = lit.getValueAs(String.class);
      return name == null ? null : snapshot.catalog().enumType(name);
    }
    return null;
  }

  /** {@code CASE WHEN value = 'label' THEN sortorder … END}: NULL for NULL. */
  private static RexNode sortOrder(RexBuilder rex, RexNode value, EnumDef type) {
    List<RexNode> operands = new ArrayList<>();
    for (EnumDef.Label l : type.labels()) {
      operands.add(rex.makeCall(SqlStdOperatorTable.EQUALS, value, rex.makeLiteral(l.label())));
      operands.add(rex.makeApproxLiteral(BigDecimal.valueOf(l.sortOrder())));
    }
    operands.add(rex.makeNullLiteral(rex.getTypeFactory().createTypeWithNullability(
        rex.getTypeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.DOUBLE), true)));
    return rex.makeCall(SqlStdOperatorTable.CASE, operands);
  }

  /**
   * Rewrites {@code < <= > >=} over an enum column to compare sort orders. {@code input}: the
   * relation the expression's input references index ({@code leftShift} -1: a join's own row).
   */
  private final class Comparisons extends RexShuttle {
    private final RelNode input;
    private final int mode;

    Comparisons(RelNode input, int mode) {
      this.input = input;
      this.mode = mode;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexBuilder rex = input.getCluster().getRexBuilder();
      if (call.getKind() == SqlKind.SEARCH && call.getOperands().get(0) instanceof RexInputRef ref
          && enumOfRef(ref) != null) {
        return RexUtil.expandSearch(rex, null, call).accept(this);
      }
      RexCall visited = (RexCall) super.visitCall(call);
      if (!(visited.getKind() == SqlKind.LESS_THAN || visited.getKind() == SqlKind.LESS_THAN_OR_EQUAL
          || visited.getKind() == SqlKind.GREATER_THAN
          || visited.getKind() == SqlKind.GREATER_THAN_OR_EQUAL)) {
        return visited;
      }
      RexNode a = visited.getOperands().get(0);
      RexNode b = visited.getOperands().get(1);
      EnumDef type = enumOf(a);
      if (type == null) {
        type = enumOf(b);
      }
      if (type == null) {
        return visited;
      }
      changed = true;
      return rex.makeCall(visited.getOperator(), operand(rex, a, type), operand(rex, b, type));
    }

    private RexNode operand(RexBuilder rex, RexNode e, EnumDef type) {
      RexNode inner = RexUtil.removeCast(e);
      if (inner instanceof RexLiteral lit && !lit.isNull()) {
        String text = lit.getValueAs(String.class);
        EnumDef.Label label = text == null ? null : type.label(text);
        if (label == null) {
          throw EnumColumns.invalidInput(type.name(), String.valueOf(text));
        }
        return rex.makeApproxLiteral(BigDecimal.valueOf(label.sortOrder()));
      }
      return sortOrder(rex, e, type);
    }

    private EnumDef enumOf(RexNode e) {
      return e instanceof RexInputRef ref ? enumOfRef(ref) : castType(e);
    }

    private EnumDef enumOfRef(RexInputRef ref) {
      if (mode >= 0) {
        return EnumOrderRewrite.this.enumOf(input, ref.getIndex());
      }
      Join join = (Join) input;
      int left = join.getLeft().getRowType().getFieldCount();
      return ref.getIndex() < left ? EnumOrderRewrite.this.enumOf(join.getLeft(), ref.getIndex())
          : EnumOrderRewrite.this.enumOf(join.getRight(), ref.getIndex() - left);
    }
  }
}
