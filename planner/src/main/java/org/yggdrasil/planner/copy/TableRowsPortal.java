package org.yggdrasil.planner.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.RowCursor;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The rows of {@code COPY table TO STDOUT}, read straight from the store: no plan, and values
 * keep the store's full precision (microsecond timestamps), as PostgreSQL writes them.
 */
public final class TableRowsPortal implements Portal {
  private final Supplier<Snapshot> snapshot;
  private final String table;
  private final int[] columns;
  private final BooleanSupplier cancelled;

  public TableRowsPortal(Supplier<Snapshot> snapshot, CopyTarget target,
      BooleanSupplier cancelled) {
    this.snapshot = snapshot;
    this.table = target.schema().name();
    this.columns = target.columns();
    this.cancelled = cancelled;
  }

  /** The columns as a result describes them (names for HEADER, types for the text forms). */
  public static List<ResultColumn> describe(CopyTarget target) {
    List<ResultColumn> out = new ArrayList<>();
    for (ColumnDef col : target.columnDefs()) {
      out.add(ResultColumn.computed(col.name(), ColumnTypes.oid(col)));
    }
    return out;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    TableVersion version = snapshot.get().table(table);
    if (version == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + table + "\" does not exist");
    }
    long n = 0;
    try (RowCursor rows = version.scan(columns)) {
      while (rows.next()) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = rows.value(i);
        }
        sink.row(values);
        if ((++n & 4095) == 0 && cancelled.getAsBoolean()) {
          throw new SqlStateException(SqlState.QUERY_CANCELED,
              "canceling statement due to user request");
        }
      }
    }
    return true;
  }

  @Override
  public String commandTag() {
    return "";
  }

  @Override
  public void close() {}
}
