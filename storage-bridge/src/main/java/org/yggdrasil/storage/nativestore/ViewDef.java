package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A view: its name, the text of its defining query (as written after AS) and the names of its
 * columns (from CREATE VIEW's column list, else the query's own). {@code oid}: its object id
 * (pg_class.oid), from the database's oid counter.
 */
public record ViewDef(String name, String sql, List<String> columnNames, long oid) {
  public static final String KIND = "view";

  public ViewDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    columnNames = List.copyOf(columnNames);
  }

  public CatalogEntry toEntry() {
    List<String> fields = new ArrayList<>();
    fields.add(Long.toString(oid));
    fields.add(sql);
    fields.addAll(columnNames);
    return new CatalogEntry(KIND, name, fields);
  }

  static ViewDef of(CatalogEntry e) {
    List<String> f = e.fields();
    return new ViewDef(e.name(), f.get(1), f.subList(2, f.size()), Long.parseLong(f.get(0)));
  }
}
