package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Diff, merge, cherry-pick and revert over a {@link NativeDatabase}'s commit graph. Merges run
 * as one transaction on the target branch, so they are atomic, and a commit that lands on the
 * target meanwhile is rebased over or fails the merge with 40001 like any write.
 */
final class Merges {
  private Merges() {}

  static List<RowChange> diffRows(NativeDatabase db, String fromRef, String toRef, String table) {
    DbState from = (DbState) db.snapshotAt(fromRef);
    DbState to = (DbState) db.snapshotAt(toRef);
    List<RowChange> out = new ArrayList<>();
    for (String name : tableNames(from, to, table)) {
      out.addAll(new TableDiff(from.table(name), to.table(name)).changes(name));
    }
    return out;
  }

  static List<SchemaChange> diffSchema(NativeDatabase db, String fromRef, String toRef,
      String table) {
    DbState from = (DbState) db.snapshotAt(fromRef);
    DbState to = (DbState) db.snapshotAt(toRef);
    List<SchemaChange> out = new ArrayList<>();
    for (String name : tableNames(from, to, table)) {
      TableState a = from.table(name);
      TableState b = to.table(name);
      if (a == null) {
        out.add(new SchemaChange(name, SchemaChange.Kind.TABLE_ADDED, null, null, null));
      } else if (b == null) {
        out.add(new SchemaChange(name, SchemaChange.Kind.TABLE_DROPPED, null, null, null));
      } else {
        columnChanges(name, a.schema, b.schema, out);
      }
    }
    return out;
  }

  private static void columnChanges(String table, TableSchema a, TableSchema b,
      List<SchemaChange> out) {
    for (ColumnDef cb : b.columns()) {
      int i = a.columnIndex(cb.name());
      if (i < 0) {
        out.add(new SchemaChange(table, SchemaChange.Kind.COLUMN_ADDED, cb.name(), null,
            typeText(cb)));
      } else if (!typeText(a.column(i)).equals(typeText(cb))) {
        out.add(new SchemaChange(table, SchemaChange.Kind.COLUMN_TYPE_CHANGED, cb.name(),
            typeText(a.column(i)), typeText(cb)));
      }
    }
    for (ColumnDef ca : a.columns()) {
      if (b.columnIndex(ca.name()) < 0) {
        out.add(new SchemaChange(table, SchemaChange.Kind.COLUMN_DROPPED, ca.name(),
            typeText(ca), null));
      }
    }
  }

  private static String typeText(ColumnDef c) {
    String name = c.type().name().toLowerCase(java.util.Locale.ROOT);
    if (c.length() > 0 && c.scale() > 0) {
      return name + "(" + c.length() + "," + c.scale() + ")";
    }
    return c.length() > 0 ? name + "(" + c.length() + ")" : name;
  }

  /** The tables to compare: one (42P01 if neither side has it), or all of both sides. */
  private static List<String> tableNames(DbState from, DbState to, String table) {
    if (table != null) {
      if (from.table(table) == null && to.table(table) == null) {
        throw SqlStateException.of(SqlState.UNDEFINED_TABLE,
            "relation \"%s\" does not exist on either side of the diff", table);
      }
      return List.of(table);
    }
    TreeSet<String> names = new TreeSet<>(from.tables.keySet());
    names.addAll(to.tables.keySet());
    names.remove(CatalogTable.NAME); // views, sequences, comments: not user tables
    return List.copyOf(names);
  }

  static MergeResult merge(NativeDatabase db, String source, String target,
      MergeStrategy strategy, String author) {
    String sourceHead = db.resolve(source);
    Transaction tx = db.begin(target);
    try {
      String targetHead = ((DbState) tx.snapshot()).commitId;
      String ancestor = commonAncestorOrNull(db, sourceHead, targetHead);
      if (sourceHead.equals(ancestor)) {
        tx.rollback();
        return new MergeResult(targetHead, "up-to-date", List.of(), 0);
      }
      if (targetHead.equals(ancestor)) {
        tx.rollback();
        db.fastForward(target, targetHead, sourceHead);
        return new MergeResult(sourceHead, "fast-forward", List.of(), 0);
      }
      DbState base = ancestor == null ? db.emptyState() : (DbState) db.snapshotAt(ancestor);
      ThreeWayMerge m = new ThreeWayMerge(base, (DbState) db.snapshotAt(sourceHead), tx,
          strategy);
      List<MergeConflict> conflicts = m.run();
      if (!m.committable()) {
        tx.rollback();
        return new MergeResult(null, "conflicts", conflicts, 0);
      }
      CommitInfo info = tx.commit("merge " + source + " into " + target, author, sourceHead);
      return new MergeResult(info.commitId(), "merge", conflicts, m.rowsChanged());
    } finally {
      tx.rollback();
    }
  }

  /**
   * Applies one commit's own change (against its first parent) to the target, or its inverse
   * when {@code invert}; the result is an ordinary commit on the target.
   */
  static MergeResult cherryPick(NativeDatabase db, String commit, String target,
      MergeStrategy strategy, String author, boolean invert,
      java.util.function.Consumer<Transaction> beforeCommit) {
    String id = db.resolve(commit);
    List<String> parents = db.commitMeta(id).parents();
    DbState change = (DbState) db.snapshotAt(id);
    DbState parent = parents.isEmpty() ? db.emptyState() : (DbState) db.snapshotAt(parents.get(0));
    Transaction tx = db.begin(target);
    try {
      ThreeWayMerge m = invert
          ? new ThreeWayMerge(change, parent, tx, strategy)
          : new ThreeWayMerge(parent, change, tx, strategy);
      List<MergeConflict> conflicts = m.run();
      if (!m.committable()) {
        tx.rollback();
        return new MergeResult(null, "conflicts", conflicts, 0);
      }
      String message = (invert ? "revert " : "cherry-pick ") + id.substring(0, 12);
      beforeCommit.accept(tx);
      CommitInfo info = tx.commit(message, author);
      return new MergeResult(info.commitId(), invert ? "revert" : "cherry-pick", conflicts,
          m.rowsChanged());
    } finally {
      tx.rollback();
    }
  }

  private static String commonAncestorOrNull(NativeDatabase db, String a, String b) {
    try {
      return db.commonAncestor(a, b);
    } catch (SqlStateException e) {
      if (e.state() == SqlState.UNDEFINED_OBJECT) {
        return null;
      }
      throw e;
    }
  }
}
