package org.yggdrasil.planner.schema;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.ViewDef;

/**
 * A stored view as Calcite sees it: its row type comes from validating the stored query against
 * the same root schema, and planning expands the query in place (like a macro). The view's
 * columns are the ones recorded at CREATE VIEW, as in PostgreSQL: a {@code SELECT *} view does not
 * grow when its table gains a column.
 */
public final class StoredView extends AbstractTable implements TranslatableTable {
  private final ViewDef view;
  private final SchemaPlus root;
  private final BiFunction<SchemaPlus, String, RelDataType> validator;
  private RelDataType rowType;
  private boolean resolving;

  /**
   * @param validator the row type of a query validated against a root schema (the planner's)
   */
  public StoredView(ViewDef view, SchemaPlus root,
      BiFunction<SchemaPlus, String, RelDataType> validator) {
    this.view = view;
    this.root = root;
    this.validator = validator;
  }

  public ViewDef definition() {
    return view;
  }

  @Override
  public synchronized RelDataType getRowType(RelDataTypeFactory f) {
    if (rowType == null) {
      if (resolving) {
        throw new SqlStateException(SqlState.INVALID_OBJECT_DEFINITION,
            "infinite recursion detected in rules for relation \"" + view.name() + "\"");
      }
      resolving = true;
      try {
        rowType = named(f, validator.apply(root, view.sql()));
      } finally {
        resolving = false;
      }
    }
    return rowType;
  }

  private RelDataType named(RelDataTypeFactory f, RelDataType queryType) {
    List<String> names = view.columnNames();
    List<RelDataTypeField> fields = queryType.getFieldList();
    if (fields.size() < names.size()) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, "view \"" + view.name()
          + "\" no longer matches its tables (a column it used is gone); recreate it with CREATE"
          + " OR REPLACE VIEW");
    }
    RelDataTypeFactory.Builder b = f.builder();
    for (int i = 0; i < names.size(); i++) {
      b.add(names.get(i), fields.get(i).getType());
    }
    return b.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    RelDataType type = table.getRowType();
    RelRoot expanded = context.expandView(type, view.sql(), List.of("public"),
        List.of("public", view.name()));
    RelNode rel = expanded.project();
    if (rel.getRowType().getFieldCount() > type.getFieldCount()) {
      RelBuilder b = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
      b.push(rel);
      rel = b.project(b.fields().subList(0, type.getFieldCount())).build();
    }
    return RelOptUtil.createCastRel(rel, type, true);
  }
}
