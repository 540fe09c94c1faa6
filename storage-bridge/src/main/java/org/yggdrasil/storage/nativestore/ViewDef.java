package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A view: its name, the text of its defining query (as written after AS) and the names of its
 * columns (from CREATE VIEW's column list, else the query's own).
 */
public record ViewDef(String name, String sql, List<String> columnNames) {
  public static final String KIND = "view";

  public ViewDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    columnNames = List.copyOf(columnNames);
  }

  public CatalogEntry toEntry() {
    List<String> fields = new ArrayList<>();
    fields.add(sql);
    fields.addAll(columnNames);
    return new CatalogEntry(KIND, name, fields);
  }

  static ViewDef of(CatalogEntry e) {
    return new ViewDef(e.name(), e.fields().get(0), e.fields().subList(1, e.fields().size()));
  }
}
