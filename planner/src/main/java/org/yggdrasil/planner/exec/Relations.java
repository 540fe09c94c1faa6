package org.yggdrasil.planner.exec;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * Tables, views, indexes and sequences share one namespace, as PostgreSQL's relations do: a name is taken by
 * whichever of them has it.
 */
final class Relations {
  enum Kind { TABLE, VIEW, INDEX, SEQUENCE }

  private Relations() {}

  /** What holds {@code name} in {@code snapshot}, or null if nothing does. */
  static Kind kindOf(Snapshot snapshot, String name) {
    if (snapshot.table(name) != null) {
      return Kind.TABLE;
    }
    if (snapshot.catalog().view(name) != null) {
      return Kind.VIEW;
    }
    if (snapshot.catalog().sequence(name) != null) {
      return Kind.SEQUENCE;
    }
    if (snapshot.tableOfIndex(name) != null || constraintTable(snapshot, name) != null) {
      return Kind.INDEX;
    }
    return null;
  }

  /** The table whose primary key or unique constraint index is named {@code index}, or null. */
  static TableSchema constraintTable(Snapshot snapshot, String index) {
    for (TableSchema t : snapshot.tables()) {
      if (snapshot.table(t.name()).constraintIndexNames().contains(index)) {
        return t;
      }
    }
    return null;
  }

  /** 42P07 unless {@code name} is free. */
  static void requireFree(Snapshot snapshot, String name) {
    if (kindOf(snapshot, name) != null) {
      throw new SqlStateException(SqlState.DUPLICATE_TABLE,
          "relation \"" + name + "\" already exists");
    }
  }

  /** 42809 for a statement aimed at the wrong kind of relation, with the statement to use instead. */
  static SqlStateException wrongKind(String name, String expected, Kind actual) {
    String hint = switch (actual) {
      case TABLE -> "Use DROP TABLE to remove a table.";
      case VIEW -> "Use DROP VIEW to remove a view.";
      case INDEX -> "Use DROP INDEX to remove an index.";
      case SEQUENCE -> "Use DROP SEQUENCE to remove a sequence.";
    };
    return new SqlStateException(SqlState.WRONG_OBJECT_TYPE,
        "\"" + name + "\" is not " + expected, null, hint, 0, null);
  }
}
