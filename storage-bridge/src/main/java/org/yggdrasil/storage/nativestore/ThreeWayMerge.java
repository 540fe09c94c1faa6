package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Applies what changed from {@code base} to {@code theirs} onto a transaction that starts at
 * {@code ours}, table by table and cell by cell: a row only one side changed takes that side's
 * version; both sides changing different columns of a row keep both changes; both changing a
 * cell to different values, a delete against a change, or two different rows added under one
 * key are conflicts, which the strategy resolves or which stop the merge. Schema: tables and
 * columns added or dropped on one side are carried over; a table dropped on one side and
 * changed on the other, or incompatible column definitions, are conflicts.
 */
final class ThreeWayMerge {
  private final DbState base;
  private final DbState ours;
  private final DbState theirs;
  private final MergeStrategy strategy;
  private final Transaction tx;
  private final List<MergeConflict> conflicts = new ArrayList<>();
  private boolean constraintBroken;
  private long rowsChanged;

  /** One table's writes, by row identity, applied together once every row is decided. */
  private static final class Writes {
    final List<Map<String, Object>> deleteKeys = new ArrayList<>();
    final List<TableDiff.Row> deleteRows = new ArrayList<>();
    final List<TableDiff.Row> updates = new ArrayList<>();
    final List<Map<String, Object>> updateCells = new ArrayList<>();
    final List<TableDiff.Row> inserts = new ArrayList<>();
  }

  ThreeWayMerge(DbState base, DbState theirs, Transaction tx, MergeStrategy strategy) {
    this.base = base;
    this.theirs = theirs;
    this.tx = tx;
    this.ours = (DbState) tx.snapshot();
    this.strategy = strategy;
  }

  /** Runs the merge into the transaction; the conflicts found (resolved unless FAIL). */
  List<MergeConflict> run() {
    TreeSet<String> names = new TreeSet<>(theirs.tables.keySet());
    names.addAll(base.tables.keySet());
    for (String name : names) {
      mergeTable(name, base.table(name), ours.table(name), theirs.table(name));
    }
    return conflicts;
  }

  /** True when the result may be committed: no conflicts, or all resolved by the strategy. */
  boolean committable() {
    return !constraintBroken && (conflicts.isEmpty() || strategy != MergeStrategy.FAIL);
  }

  long rowsChanged() {
    return rowsChanged;
  }

  private void mergeTable(String name, TableState b, TableState o, TableState t) {
    if (t == null && b == null) {
      return;
    }
    if (b == null) {
      if (o == null) {
        tx.createTable(t.schema);
        Writes w = new Writes();
        forEachLiveRow(t, w.inserts);
        apply(name, w);
      } else if (o.schema.columns().equals(t.schema.columns())) {
        mergeRows(name, null, o, t);
      } else {
        schemaConflict(name, "added on both sides with different columns");
      }
      return;
    }
    if (t == null) {
      if (o != null) {
        if (unchanged(b, o)) {
          tx.dropTable(name);
        } else {
          schemaConflict(name, "dropped on the source, changed on the target");
          if (strategy == MergeStrategy.THEIRS) {
            tx.dropTable(name);
          }
        }
      }
      return;
    }
    if (o == null) {
      if (!unchanged(b, t)) {
        schemaConflict(name, "dropped on the target, changed on the source");
      }
      return;
    }
    if (!mergeColumns(name, b, o, t)) {
      return;
    }
    mergeRows(name, b, o, t);
  }

  /** Carries the source's column additions and drops over; false when they conflict. */
  private boolean mergeColumns(String name, TableState b, TableState o, TableState t) {
    boolean ok = true;
    for (ColumnDef tc : t.schema.columns()) {
      ColumnDef bc = column(b, tc.name());
      ColumnDef oc = column(o, tc.name());
      if (bc == null && oc == null) {
        tx.addColumn(name, tc.withNotNull(false));
      } else if (oc != null && !sameDefinition(oc, tc) && (bc == null || !sameDefinition(bc, tc))) {
        schemaConflict(name, "column " + tc.name() + (bc != null && sameDefinition(bc, oc)
            ? " changed type on the source" : " defined differently on each side"));
        ok = false;
      }
    }
    for (ColumnDef bc : b.schema.columns()) {
      ColumnDef oc = column(o, bc.name());
      if (column(t, bc.name()) == null && oc != null && sameDefinition(bc, oc)
          && !o.schema.primaryKey().contains(bc.name())) {
        tx.dropColumn(name, bc.name());
      }
    }
    return ok;
  }

  private static boolean sameDefinition(ColumnDef a, ColumnDef b) {
    return a.type() == b.type() && a.length() == b.length() && a.scale() == b.scale();
  }

  private static ColumnDef column(TableState t, String name) {
    int i = t.schema.columnIndex(name);
    return i < 0 ? null : t.schema.column(i);
  }

  private void mergeRows(String name, TableState b, TableState o, TableState t) {
    TableDiff theirDiff = new TableDiff(b, t);
    TableDiff ourDiff = new TableDiff(b, o);
    Map<Object, TableDiff.Row[]> ourChanges = ourDiff.changedRows();
    Writes w = new Writes();
    for (Map.Entry<Object, TableDiff.Row[]> e : theirDiff.changedRows().entrySet()) {
      TableDiff.Row br = e.getValue()[0];
      TableDiff.Row tr = e.getValue()[1];
      if (!changed(theirDiff, br, tr)) {
        continue;
      }
      TableDiff.Row[] oPair = ourChanges.get(e.getKey());
      if (oPair == null || !changed(ourDiff, oPair[0], oPair[1])) {
        takeTheirs(theirDiff, br, tr, br, w);
        continue;
      }
      TableDiff.Row or = oPair[1];
      resolve(name, theirDiff, br, or, tr, w);
    }
    apply(name, w);
  }

  private static boolean changed(TableDiff diff, TableDiff.Row before, TableDiff.Row after) {
    return before == null || after == null
        || !diff.sameCommonValues(before.values(), after.values());
  }

  /** The source's change of one row that the target did not touch. */
  private void takeTheirs(TableDiff diff, TableDiff.Row br, TableDiff.Row tr, TableDiff.Row current, Writes w) {
    if (tr == null) {
      w.deleteRows.add(current);
    } else if (br == null) {
      w.inserts.add(tr);
    } else {
      Map<String, Object> cells = new LinkedHashMap<>();
      for (Map.Entry<String, Object> c : tr.values().entrySet()) {
        if (!diff.sameValue(c.getKey(), c.getValue(), br.values().get(c.getKey()))) {
          cells.put(c.getKey(), c.getValue());
        }
      }
      w.updates.add(current);
      w.updateCells.add(cells);
    }
  }

  /** Both sides changed the row: cell-wise merge, conflicts where they disagree. */
  private void resolve(String name, TableDiff diff, TableDiff.Row br, TableDiff.Row or,
      TableDiff.Row tr, Writes w) {
    boolean theirsWins = strategy == MergeStrategy.THEIRS;
    if (tr == null && or == null) {
      return;
    }
    if (tr == null || or == null) {
      conflict(name, "delete/change", diff, br, or, tr,
          tr == null ? "deleted on the source, changed on the target"
              : "changed on the source, deleted on the target");
      if (theirsWins) {
        if (tr == null) {
          w.deleteRows.add(or);
        } else {
          w.inserts.add(tr);
        }
      }
      return;
    }
    if (br == null) {
      if (!diff.sameCommonValues(or.values(), tr.values())) {
        conflict(name, "add/add", diff, null, or, tr, "added on both sides with different values");
        if (theirsWins) {
          w.updates.add(or);
          w.updateCells.add(tr.values());
        }
      }
      return;
    }
    Map<String, Object> cells = new LinkedHashMap<>();
    List<String> clashing = new ArrayList<>();
    for (Map.Entry<String, Object> c : tr.values().entrySet()) {
      String col = c.getKey();
      Object tv = c.getValue();
      Object bv = br.values().get(col);
      Object ov = or.values().get(col);
      // A column a side lacks (added since the base) holds NULL there.
      if (diff.sameValue(col, tv, bv)) {
        continue;
      }
      if (diff.sameValue(col, ov, bv)) {
        cells.put(col, tv);
      } else if (!diff.sameValue(col, ov, tv)) {
        clashing.add(col);
        if (theirsWins) {
          cells.put(col, tv);
        }
      }
    }
    if (!clashing.isEmpty()) {
      conflict(name, "cell", diff, br, or, tr, "both sides changed " + String.join(", ", clashing));
    }
    if (!cells.isEmpty()) {
      w.updates.add(or);
      w.updateCells.add(cells);
    }
  }

  private void conflict(String table, String kind, TableDiff diff, TableDiff.Row b,
      TableDiff.Row o, TableDiff.Row t, String detail) {
    TableDiff.Row any = o != null ? o : t != null ? t : b;
    conflicts.add(new MergeConflict(table, kind, diff.key(any), values(b), values(o), values(t),
        detail));
  }

  private static Map<String, Object> values(TableDiff.Row r) {
    return r == null ? null : r.values();
  }

  private void schemaConflict(String table, String detail) {
    conflicts.add(new MergeConflict(table, "schema", null, null, null, null, detail));
  }

  /** True when a table's data and definition did not change between two versions. */
  private static boolean unchanged(TableState before, TableState after) {
    if (before == after) {
      return true;
    }
    if (!before.schema.equals(after.schema)) {
      return false;
    }
    TableDiff d = new TableDiff(before, after);
    for (TableDiff.Row[] pair : d.changedRows().values()) {
      if (changed(d, pair[0], pair[1])) {
        return false;
      }
    }
    return true;
  }

  private static void forEachLiveRow(TableState t, List<TableDiff.Row> out) {
    List<ColumnDef> cols = t.schema.columns();
    for (long p = 0; p < t.physicalRows; p++) {
      if (t.isLive(p)) {
        Object[] full = t.fullRow(p);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int c = 0; c < cols.size(); c++) {
          values.put(cols.get(c).name(), full[c]);
        }
        out.add(new TableDiff.Row(values, t.rowIdAt(p)));
      }
    }
  }

  /** Finds the target positions of the decided rows and writes them. */
  private void apply(String name, Writes w) {
    if (w.deleteRows.isEmpty() && w.updates.isEmpty() && w.inserts.isEmpty()) {
      return;
    }
    TableState target = (TableState) tx.snapshot().table(name);
    PositionFinder finder = new PositionFinder(target);
    try {
      long[] deletes = new long[w.deleteRows.size()];
      int nd = 0;
      for (TableDiff.Row r : w.deleteRows) {
        long p = finder.position(r);
        if (p >= 0) {
          deletes[nd++] = p;
        }
      }
      List<Long> updatePositions = new ArrayList<>();
      List<Object[]> updated = new ArrayList<>();
      for (int i = 0; i < w.updates.size(); i++) {
        long p = finder.position(w.updates.get(i));
        if (p < 0) {
          continue;
        }
        Object[] row = target.fullRow(p);
        for (Map.Entry<String, Object> c : w.updateCells.get(i).entrySet()) {
          int col = target.schema.columnIndex(c.getKey());
          if (col >= 0) {
            row[col] = c.getValue();
          }
        }
        updatePositions.add(p);
        updated.add(row);
      }
      List<Object[]> inserted = new ArrayList<>();
      long[] insertIds = new long[w.inserts.size()];
      for (TableDiff.Row r : w.inserts) {
        Object[] row = new Object[target.schema.columns().size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = r.values().get(target.schema.column(c).name());
        }
        insertIds[inserted.size()] = r.rowId();
        inserted.add(row);
      }
      if (nd > 0) {
        tx.delete(name, java.util.Arrays.copyOf(deletes, nd));
      }
      if (!updated.isEmpty()) {
        tx.update(name, updatePositions.stream().mapToLong(Long::longValue).toArray(), updated);
      }
      tx.insertWithRowIds(name, inserted, insertIds);
      rowsChanged += nd + updated.size() + inserted.size();
    } catch (SqlStateException e) {
      if (!e.state().code().startsWith("23")) {
        throw e;
      }
      constraintBroken = true;
      conflicts.add(new MergeConflict(name, "constraint", null, null, null, null,
          e.getMessage()));
    }
  }

  /** Where a row (by primary key, or by row id in a keyless table) lives in the target. */
  private static final class PositionFinder {
    private final TableState table;
    private Map<Long, Long> byRowId;

    PositionFinder(TableState table) {
      this.table = table;
    }

    long position(TableDiff.Row r) {
      List<String> pk = table.schema.primaryKey();
      if (!pk.isEmpty() && pk.stream().allMatch(r.values()::containsKey)) {
        Object[] key = new Object[pk.size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = r.values().get(pk.get(i));
        }
        return table.lookupPrimaryKey(key);
      }
      if (byRowId == null) {
        byRowId = new java.util.HashMap<>();
        for (long p = 0; p < table.physicalRows; p++) {
          if (table.isLive(p)) {
            byRowId.put(table.rowIdAt(p), p);
          }
        }
      }
      return byRowId.getOrDefault(r.rowId(), -1L);
    }
  }
}
