package org.yggdrasil.planner.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.planner.session.JsonText;
import org.yggdrasil.storage.nativestore.CatalogEntry;
import org.yggdrasil.storage.nativestore.MergeConflict;

/**
 * A merge conflict on the store's hidden catalog table (a model, view, sequence … changed on
 * both sides), as a row of {@code ygg.conflicts} a person can read: table_name is the object's
 * name (the hidden table's name holds a NUL, which no client text may), kind says what the object
 * is ({@code model cell}), and a model's versions are summarized instead of shown as their
 * serialized weights.
 */
public final class CatalogConflictRow {
  private static final String SEPARATOR = "\u001f";

  private CatalogConflictRow() {}

  /** The row for {@code c}, or null when it is not on the catalog table. */
  public static Object[] of(MergeConflict c) {
    if (c.table() == null || !c.table().startsWith("\u0000") || c.key() == null) {
      return null;
    }
    String kind = String.valueOf(c.key().get("kind"));
    String name = String.valueOf(c.key().get("name"));
    return new Object[] {name, kind + " " + c.kind(), JsonText.of(c.key()),
        version(kind, name, c.base()), version(kind, name, c.ours()),
        version(kind, name, c.theirs()), c.detail()};
  }

  private static String version(String kind, String name, Map<String, Object> row) {
    if (row == null || !(row.get("fields") instanceof String fields)) {
      return row == null ? null : JsonText.of(row);
    }
    List<String> parts = List.of(fields.split(SEPARATOR, -1));
    if (kind.equals(ModelDef.KIND)) {
      return ModelDiff.summary(ModelDef.of(new CatalogEntry(kind, name, parts)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fields", String.join(", ", parts));
    return JsonText.of(out);
  }
}
