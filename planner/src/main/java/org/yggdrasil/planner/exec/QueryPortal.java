package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;

/**
 * Runs a compiled query lazily: rows are pulled from Calcite's enumerator only as the client
 * asks for them, so a suspended portal holds an open cursor, not a materialised result.
 */
public final class QueryPortal implements Portal {
  private final CompiledQuery query;
  private final ExecContext context;
  private final RelDataType[] fieldTypes;
  private Enumerator<Object> rows;
  private long count;
  private boolean done;
  private String tag = "SELECT 0";

  public QueryPortal(CompiledQuery query, ExecContext context) {
    this.query = query;
    this.context = context;
    List<RelDataTypeField> fields = query.rowType().getFieldList();
    this.fieldTypes = new RelDataType[fields.size()];
    for (int i = 0; i < fieldTypes.length; i++) {
      fieldTypes[i] = fields.get(i).getType();
    }
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return query.columns();
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    if (done) {
      return true;
    }
    try {
      if (rows == null) {
        InitializerFailures.rethrowIfFailed(query.bindable());
        context.putAll(query.stash());
        rows = query.bindable().bind(context).enumerator();
      }
      int sent = 0;
      while (maxRows <= 0 || sent < maxRows) {
        if (!rows.moveNext()) {
          finish();
          return true;
        }
        sink.row(toCanonical(rows.current()));
        sent++;
        count++;
      }
      return false;
    } catch (SqlStateException e) {
      close();
      throw e;
    } catch (RuntimeException | Error e) {
      close();
      throw InitializerFailures.remember(query.bindable(), e, CalciteErrors.runtimeError(e));
    }
  }

  private Object[] toCanonical(Object current) {
    // Calcite's UNNEST … WITH ORDINALITY over a constant array yields rows as lists.
    Object[] row = fieldTypes.length == 1 && !(current instanceof Object[])
        ? new Object[] {current}
        : current instanceof java.util.List<?> list ? list.toArray() : (Object[]) current;
    Object[] out = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = InternalValues.toCanonical(row[i], fieldTypes[i]);
    }
    return out;
  }

  private void finish() {
    done = true;
    tag = "SELECT " + count;
    close();
  }

  @Override
  public String commandTag() {
    return tag;
  }

  @Override
  public void close() {
    if (rows != null) {
      Enumerator<Object> r = rows;
      rows = null;
      r.close();
    }
  }
}
