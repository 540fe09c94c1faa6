package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;

/**
 * Re-applies a transaction's changes onto a branch head that moved since the transaction began
 * (first committer wins). Tables are matched by oid and compared by identity, so untouched tables
 * cost nothing:
 *
 * <ul>
 *   <li>a table only the transaction changed is taken as the transaction left it;
 *   <li>a table whose schema or storage lineage (CREATE, DROP, ALTER, TRUNCATE, RENAME) the
 *       transaction changed conflicts with any change to it by the head, and vice versa;
 *   <li>a table both changed only in data is rebased row by row: the base rows the transaction
 *       deleted or updated (found by diffing delete vectors of the chunks it touched) must still be
 *       live in the head (positions are stable within a lineage), then are deleted there; the rows
 *       it appended and left live are appended to the head with their row ids; a key they carry
 *       that the head already holds is a conflict;
 *   <li>two tables ending up with one name conflict.
 * </ul>
 *
 * Every conflict is SQLSTATE 40001. Cost is proportional to the transaction's changes.
 */
final class Rebaser {
  private Rebaser() {}

  static DbState rebase(DbState base, NavigableMap<String, TableState> mine, long mySchemaVersion,
      DbState head, NativeDatabase db) {
    Map<Long, TableState> b = byOid(base.tables);
    Map<Long, TableState> t = byOid(mine);
    Map<Long, TableState> h = byOid(head.tables);
    Map<Long, TableState> result = new HashMap<>(h);
    Set<Long> oids = new HashSet<>(b.keySet());
    oids.addAll(t.keySet());
    boolean txDdl = false;
    for (long oid : oids) {
      TableState tb = b.get(oid);
      TableState tt = t.get(oid);
      TableState th = h.get(oid);
      if (tt == tb) {
        continue;
      }
      boolean headChanged = th != tb;
      if (tb != null && tt != null && CatalogTable.is(tt) && !isDdl(tb, tt)) {
        // Catalog objects are rows: disjoint changes merge, the same object twice conflicts by
        // key; either way the schema changed.
        txDdl = true;
        result.put(oid, !headChanged ? tt : rebaseRows(tb, tt, th));
        continue;
      }
      if (isDdl(tb, tt)) {
        txDdl = true;
        if (headChanged) {
          throw Errors.serialization();
        }
        if (tt == null) {
          result.remove(oid);
        } else {
          result.put(oid, tt);
        }
      } else if (!headChanged) {
        result.put(oid, tt);
      } else if (isDdl(tb, th)) {
        throw Errors.serialization();
      } else {
        result.put(oid, rebaseRows(tb, tt, th));
      }
    }
    TreeMap<String, TableState> byName = new TreeMap<>();
    for (TableState s : result.values()) {
      if (byName.put(s.schema.name(), s) != null) {
        throw Errors.serialization();
      }
    }
    boolean headDdl = head.schemaVersion != base.schemaVersion;
    long schemaVersion = !txDdl ? head.schemaVersion : !headDdl ? mySchemaVersion : db.nextVersion();
    return new DbState(db.nextVersion(), schemaVersion, byName);
  }

  private static boolean isDdl(TableState from, TableState to) {
    return from == null || to == null || from.schema != to.schema || from.lineage != to.lineage;
  }

  private static TableState rebaseRows(TableState tb, TableState tt, TableState th) {
    int cr = tb.config.chunkRows();
    List<Long> deleted = new ArrayList<>();
    for (int ci = 0; ci < tb.chunkCount(); ci++) {
      DeleteVector before = tb.deletes.get(ci);
      DeleteVector after = tt.deletes.get(ci);
      if (after == before || after == null) {
        continue;
      }
      int rows = tb.rowIds.get(ci).rows();
      for (int r = 0; r < rows; r++) {
        if (after.isDeleted(r) && (before == null || !before.isDeleted(r))) {
          long p = (long) ci * cr + r;
          if (!th.isLive(p)) {
            throw Errors.serialization();
          }
          deleted.add(p);
        }
      }
    }
    List<Object[]> rows = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (long p = tb.physicalRows; p < tt.physicalRows; p++) {
      if (tt.isLive(p)) {
        rows.add(tt.fullRow(p));
        ids.add(tt.rowIdAt(p));
      }
    }
    long[] dels = deleted.stream().mapToLong(Long::longValue).toArray();
    long[] rowIds = ids.stream().mapToLong(Long::longValue).toArray();
    return TableWrites.apply(th, dels, rows.toArray(Object[][]::new), rowIds, new Object(), true).table();
  }

  private static Map<Long, TableState> byOid(Map<String, TableState> tables) {
    Map<Long, TableState> m = new HashMap<>();
    for (TableState s : tables.values()) {
      m.put(s.oid, s);
    }
    return m;
  }
}
