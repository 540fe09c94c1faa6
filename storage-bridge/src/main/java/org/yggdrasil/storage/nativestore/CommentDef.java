package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.Objects;

/**
 * A COMMENT ON text: on a relation (a table, view, index or sequence; {@code column} null) or on
 * one of a table's columns. pg_description shows these.
 *
 * @param objectKind {@code table}, {@code view}, {@code index}, {@code sequence} or {@code column}
 */
public record CommentDef(String objectKind, String relation, String column, String text) {
  public static final String KIND = "comment";

  public CommentDef {
    Objects.requireNonNull(objectKind, "objectKind");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(text, "text");
  }

  /** The catalog key of the comment on a relation ({@code column} null) or column. */
  public static String key(String relation, String column) {
    return column == null ? relation : relation + "\u001f" + column;
  }

  /** The catalog key of the comment on a schema (apart from relations of the same name). */
  public static String schemaKey(String schema) {
    return "\u001fschema\u001f" + schema;
  }

  /** This comment's catalog key. */
  public String key() {
    return objectKind.equals("schema") ? schemaKey(relation) : key(relation, column);
  }

  public CatalogEntry toEntry() {
    return new CatalogEntry(KIND, key(),
        List.of(objectKind, relation, column == null ? "" : column, text));
  }

  static CommentDef of(CatalogEntry e) {
    List<String> f = e.fields();
    return new CommentDef(f.get(0), f.get(1), f.get(2).isEmpty() ? null : f.get(2), f.get(3));
  }
}
