package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.schema.PgTypeSystem;
import org.yggdrasil.planner.schema.StoredView;
import org.yggdrasil.planner.session.PgOid;

/**
 * A view's columns as pg_attribute rows: names as recorded at CREATE VIEW, types from
 * validating the view's query in the executing statement's schemas (as the planner sees it).
 */
final class ViewColumns {
  private ViewColumns() {}

  static List<Object[]> attributes(RelationCatalog.Relation view, DataContext context) {
    SchemaPlus schema = context == null ? null
        : context.getRootSchema().getSubSchema("public");
    Table table = schema == null ? null : schema.tables().get(view.name());
    if (!(table instanceof StoredView stored)) {
      return List.of();
    }
    RelDataType row;
    try {
      row = stored.getRowType(context.getTypeFactory());
    } catch (SqlStateException e) {
      return List.of(); // a view whose tables changed under it: no columns to show
    }
    List<Object[]> rows = new ArrayList<>();
    List<RelDataTypeField> fields = row.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataType type = fields.get(i).getType();
      int oid = ColumnTypes.oid(type);
      boolean text = oid == PgOid.TEXT || oid == PgOid.VARCHAR || oid == PgOid.BPCHAR;
      rows.add(RelationTables.attribute(view.oid(), fields.get(i).getName(), oid,
          modifier(type), i + 1, false, false, text ? "x" : oid == PgOid.NUMERIC ? "m" : "p",
          text));
    }
    return rows;
  }

  /** atttypmod of a computed column: varchar(n) and numeric(p, s) keep theirs. */
  private static int modifier(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case DECIMAL -> type.getPrecision() == PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION
          ? -1 : ((type.getPrecision() << 16) | type.getScale()) + 4;
      case VARCHAR -> type.getPrecision() > 0 && type.getPrecision() < 65536
          ? type.getPrecision() + 4 : -1;
      default -> -1;
    };
  }
}
