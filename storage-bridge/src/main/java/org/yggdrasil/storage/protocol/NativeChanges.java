package org.yggdrasil.storage.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.storage.nativestore.MergeConflict;
import org.yggdrasil.storage.nativestore.RowChange;
import org.yggdrasil.storage.nativestore.SchemaChange;

/**
 * Renders the native store's row and schema differences as protocol {@link Change}s and its
 * merge conflicts as {@link Conflict}s. Paths are {@code table/key} for rows (key values joined
 * by {@code ,}) and {@code table} or {@code table.column} for schema changes.
 */
public final class NativeChanges {
  private NativeChanges() {}

  static List<Change> of(List<SchemaChange> schema, List<RowChange> rows) {
    List<Change> out = new ArrayList<>(schema.size() + rows.size());
    for (SchemaChange s : schema) {
      Change.Kind kind = switch (s.kind()) {
        case TABLE_ADDED, COLUMN_ADDED -> Change.Kind.ADDED;
        case TABLE_DROPPED, COLUMN_DROPPED -> Change.Kind.DELETED;
        case COLUMN_TYPE_CHANGED -> Change.Kind.MODIFIED;
      };
      out.add(new Change(kind, s.column() == null ? s.table() : s.table() + "." + s.column(), s.before(), s.after()));
    }
    for (RowChange r : rows) {
      Change.Kind kind = switch (r.kind()) {
        case ADDED -> Change.Kind.ADDED;
        case REMOVED -> Change.Kind.DELETED;
        case CHANGED -> Change.Kind.MODIFIED;
      };
      out.add(new Change(kind, path(r.table(), r.key()), render(r.before()), render(r.after())));
    }
    return out;
  }

  /** The store's merge conflicts as protocol conflicts of system {@code systemId}. */
  public static List<Conflict> conflicts(String systemId, List<MergeConflict> conflicts) {
    return conflicts.stream()
        .map(c -> new Conflict(systemId, path(c.table(), c.key()), render(c.base()), render(c.ours()),
            render(c.theirs()), c.kind() + (c.detail() == null ? "" : ": " + c.detail())))
        .toList();
  }

  static String path(String table, Map<String, Object> key) {
    if (key == null || key.isEmpty()) {
      return table;
    }
    StringJoiner j = new StringJoiner(",", table + "/", "");
    key.values().forEach(v -> j.add(value(v)));
    return j.toString();
  }

  /** A row as {@code {col=value, …}} in column order; null stays null. */
  static String render(Map<String, Object> row) {
    if (row == null) {
      return null;
    }
    StringJoiner j = new StringJoiner(", ", "{", "}");
    row.forEach((k, v) -> j.add(k + "=" + value(v)));
    return j.toString();
  }

  private static String value(Object v) {
    if (v instanceof byte[] b) {
      return Arrays.toString(b);
    }
    return String.valueOf(v);
  }
}
