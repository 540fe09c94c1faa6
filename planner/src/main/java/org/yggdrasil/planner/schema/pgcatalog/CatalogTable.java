package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yggdrasil.planner.schema.SnapshotSchema;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A system catalog table computed from the live catalog when scanned (from the snapshot the
 * executing statement reads, never the one it was planned on). Columns are declared
 * with Calcite types; rows hold Calcite internal values.
 */
final class CatalogTable extends AbstractTable implements ScannableTable {
  /** One column: name and type (nullable); {@code array} makes it an array of {@code type}. */
  record Col(String name, SqlTypeName type, boolean array) {}

  private final List<Col> columns;
  private final java.util.function.BiFunction<Snapshot, DataContext, List<Object[]>> rows;

  /** @param rows computes the rows from the snapshot the executing statement reads */
  CatalogTable(List<Col> columns, Function<Snapshot, List<Object[]>> rows) {
    this.columns = columns;
    this.rows = (snapshot, context) -> rows.apply(snapshot);
  }

  /**
   * A table whose rows also need the executing statement's schemas and type factory (the
   * columns of views, known by validating their queries).
   */
  static CatalogTable withContext(List<Col> columns,
      java.util.function.BiFunction<Snapshot, DataContext, List<Object[]>> rows) {
    return new CatalogTable(columns, rows);
  }

  private CatalogTable(List<Col> columns,
      java.util.function.BiFunction<Snapshot, DataContext, List<Object[]>> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Declares columns from "name:type" pairs, e.g. "oid:BIGINT", "relname:VARCHAR",
   * "conkey:SMALLINT[]" (an array; rows hold a {@code List}).
   */
  static List<Col> columns(String... specs) {
    List<Col> out = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      String type = spec.substring(colon + 1);
      boolean array = type.endsWith("[]");
      if (array) {
        type = type.substring(0, type.length() - 2);
      }
      out.add(new Col(spec.substring(0, colon), SqlTypeName.valueOf(type), array));
    }
    return out;
  }

  /** A table without rows: a catalog Yggdrasil has nothing to list in (yet). */
  static CatalogTable empty(String... specs) {
    return new CatalogTable(columns(specs), snapshot -> List.of());
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (Col c : columns) {
      RelDataType type = f.createTypeWithNullability(f.createSqlType(c.type()), true);
      if (c.array()) {
        type = f.createTypeWithNullability(f.createArrayType(type, -1), true);
      }
      b.add(c.name(), type);
    }
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows.apply(SnapshotSchema.live(root), root));
  }
}
