package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A system catalog table computed from the live catalog when scanned. Columns are declared
 * with Calcite types; rows hold Calcite internal values.
 */
final class CatalogTable extends AbstractTable implements ScannableTable {
  /** One column: name and type (nullable). */
  record Col(String name, SqlTypeName type) {}

  private final List<Col> columns;
  private final Supplier<List<Object[]>> rows;

  CatalogTable(List<Col> columns, Supplier<List<Object[]>> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /** Declares columns from "name:type" pairs, e.g. "oid:BIGINT", "relname:VARCHAR". */
  static List<Col> columns(String... specs) {
    List<Col> out = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      out.add(new Col(spec.substring(0, colon), SqlTypeName.valueOf(spec.substring(colon + 1))));
    }
    return out;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (Col c : columns) {
      b.add(c.name(), f.createTypeWithNullability(f.createSqlType(c.type()), true));
    }
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows.get());
  }
}
