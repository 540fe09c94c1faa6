package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.tables.TableWriter;

/**
 * A member's staged writes that can go back to a savepoint. Adapters stage writes without
 * savepoints, so this keeps the writes in order and, on {@link #rollbackTo}, drops all staged
 * writes and applies again those made before the savepoint.
 */
final class SavepointWriter implements TableWriter {
  private record Write(String table, Object[] oldRow, Object[] newRow) {}

  private final TableWriter staged;
  private final List<Write> writes = new ArrayList<>();

  SavepointWriter(TableWriter staged) {
    this.staged = staged;
  }

  /** How many writes are staged: the savepoint mark. */
  int mark() {
    return writes.size();
  }

  /** Back to the state at {@code mark}: later writes are forgotten. */
  void rollbackTo(int mark) {
    if (mark >= writes.size()) {
      return;
    }
    List<Write> kept = new ArrayList<>(writes.subList(0, mark));
    staged.rollback();
    writes.clear();
    for (Write w : kept) {
      apply(w);
    }
  }

  private void apply(Write w) {
    if (w.oldRow == null) {
      insert(w.table, w.newRow);
    } else if (w.newRow == null) {
      delete(w.table, w.oldRow);
    } else {
      update(w.table, w.oldRow, w.newRow);
    }
  }

  @Override
  public void insert(String table, Object[] row) {
    staged.insert(table, row);
    writes.add(new Write(table, null, row.clone()));
  }

  @Override
  public void update(String table, Object[] oldRow, Object[] newRow) {
    staged.update(table, oldRow, newRow);
    writes.add(new Write(table, oldRow.clone(), newRow.clone()));
  }

  @Override
  public void delete(String table, Object[] row) {
    staged.delete(table, row);
    writes.add(new Write(table, row.clone(), null));
  }

  @Override
  public boolean isEmpty() {
    return staged.isEmpty();
  }

  @Override
  public Iterable<Object[]> rows(String table) {
    return staged.rows(table);
  }

  @Override
  public SnapshotRef commit(String message, String author) {
    return staged.commit(message, author);
  }

  @Override
  public void rollback() {
    staged.rollback();
    writes.clear();
  }
}
