package org.yggdrasil.planner.schema;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractTable;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * A fixed list of rows shaped like a stored table: what a RETURNING clause reads (the rows an
 * INSERT, UPDATE or DELETE affected). Rows hold Calcite internal values.
 */
public final class RowsTable extends AbstractTable implements ScannableTable {
  private final TableSchema schema;
  private final List<Object[]> rows;

  public RowsTable(TableSchema schema, List<Object[]> rows) {
    this.schema = schema;
    this.rows = rows;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDef col : schema.columns()) {
      b.add(col.name(), ColumnTypes.relType(f, col));
    }
    return b.build();
  }

  /** The rows of the executing statement: looked up at run time, as plans are cached. */
  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    var schema = root.getRootSchema().getSubSchema("public");
    SnapshotSchema current = schema == null ? null : schema.unwrap(SnapshotSchema.class);
    Table live = current == null ? null : current.override(this.schema.name());
    return Linq4j.asEnumerable(live instanceof RowsTable r ? r.rows : rows);
  }
}
