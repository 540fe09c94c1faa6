package org.yggdrasil.planner.session;

import java.util.List;
import java.util.function.Supplier;

/**
 * Defers finding the plan and snapshot until the first Execute, so a portal bound before a
 * statement that changes the schema still runs the right plan.
 */
final class LazyQueryPortal implements Portal {
  private final Supplier<Portal> opener;
  private final List<ResultColumn> columns;
  private Portal inner;

  LazyQueryPortal(Supplier<Portal> opener, List<ResultColumn> columns) {
    this.opener = opener;
    this.columns = columns;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return columns;
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    if (inner == null) {
      inner = opener.get();
    }
    return inner.execute(maxRows, sink);
  }

  @Override
  public String commandTag() {
    return inner == null ? "SELECT 0" : inner.commandTag();
  }

  @Override
  public void close() {
    if (inner != null) {
      inner.close();
    }
  }
}
