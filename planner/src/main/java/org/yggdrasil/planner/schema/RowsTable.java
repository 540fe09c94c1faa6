package org.yggdrasil.planner.schema;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
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

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows);
  }
}
