package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.Objects;

/**
 * One database-level catalog object (a view, a sequence, a schema, a comment …) as the store keeps
 * it: its kind, its name (unique per kind) and its fields as text. The typed records ({@link
 * ViewDef}, …) convert to and from entries; the store itself does not interpret the fields.
 */
public record CatalogEntry(String kind, String name, List<String> fields) {
  public CatalogEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }
}
