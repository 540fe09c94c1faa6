package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.storage.nativestore.IndexDef;

/**
 * An index's key columns as pg_get_indexdef prints them: {@code a, b DESC, c NULLS FIRST}
 * (ordering options only where they differ from the defaults, ASC NULLS LAST / DESC NULLS
 * FIRST).
 */
final class IndexColumns {
  private IndexColumns() {}

  static String describe(List<IndexDef.Column> columns) {
    List<String> out = new ArrayList<>();
    for (IndexDef.Column c : columns) {
      StringBuilder s = new StringBuilder(CatalogDescriber.quoteIdentifier(c.name()));
      if (c.descending()) {
        s.append(" DESC");
        if (!c.nullsFirst()) {
          s.append(" NULLS LAST");
        }
      } else if (c.nullsFirst()) {
        s.append(" NULLS FIRST");
      }
      out.add(s.toString());
    }
    return String.join(", ", out);
  }
}
