package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.function.Supplier;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;

/**
 * A portal for statements that do their work in one step (DDL, DML, SET, transaction control):
 * the action runs at the first Execute and yields a command tag and, for RETURNING or SHOW, a
 * list of rows that may be fetched in pieces.
 */
public final class ResultPortal implements Portal {
  private final List<ResultColumn> columns;
  private final Supplier<StatementResult> action;
  private StatementResult result;
  private int next;

  public ResultPortal(List<ResultColumn> columns, Supplier<StatementResult> action) {
    this.columns = columns;
    this.action = action;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return columns;
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    if (result == null) {
      result = action.get();
    }
    List<Object[]> rows = result.rows();
    int sent = 0;
    while (next < rows.size()) {
      if (maxRows > 0 && sent >= maxRows) {
        return false;
      }
      sink.row(rows.get(next++));
      sent++;
    }
    return true;
  }

  @Override
  public String commandTag() {
    return result == null ? "" : result.tag();
  }

  @Override
  public void close() {}
}
