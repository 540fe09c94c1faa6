package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.storage.nativestore.ColumnDef;

/**
 * A table of an attached system. Its rows are looked up when scanned (plans are cached): the
 * executing session's staged writes, else the system at the snapshot the session reads.
 */
final class AttachedTable extends AbstractTable implements ScannableTable {
  private final String server;
  private final TableSpec spec;
  private final List<ColumnDef> columns;

  AttachedTable(String server, TableSpec spec) {
    this.server = server;
    this.spec = spec;
    this.columns = spec.columns().stream().map(ColumnMapping::def).toList();
  }

  TableSpec spec() {
    return spec;
  }

  List<ColumnDef> columns() {
    return columns;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDef c : columns) {
      b.add(c.name(), ColumnTypes.relType(f, c));
    }
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    SessionSystems systems = AttachedSchemas.current();
    if (systems == null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "attached table \"" + server + "." + spec.name() + "\" read outside a session");
    }
    SqlTypeName[] types = new SqlTypeName[columns.size()];
    RelDataTypeFactory f = root.getTypeFactory();
    for (int i = 0; i < types.length; i++) {
      types[i] = ColumnTypes.relType(f, columns.get(i)).getSqlTypeName();
    }
    List<Object[]> out = new ArrayList<>();
    for (Object[] row : systems.rows(server, spec.name())) {
      Object[] r = new Object[columns.size()];
      for (int i = 0; i < r.length && i < row.length; i++) {
        r[i] = InternalValues.toInternal(AssignmentCast.cast(row[i], columns.get(i).type()),
            types[i]);
      }
      out.add(r);
    }
    return Linq4j.asEnumerable(out);
  }
}
