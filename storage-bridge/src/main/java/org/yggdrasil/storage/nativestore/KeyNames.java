package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The names a CREATE TABLE gave its PRIMARY KEY and UNIQUE constraints ({@code CONSTRAINT name
 * ...}); null where it gave none and PostgreSQL's default ({@code t_pkey}, {@code t_a_b_key})
 * applies. {@code uniqueKeys} follows {@link TableSchema#uniqueKeys()}. The names become the
 * names of the key indexes, which the store keeps with the table.
 */
public record KeyNames(String primaryKey, List<String> uniqueKeys) {
  public static final KeyNames DEFAULTS = new KeyNames(null, List.of());

  public KeyNames {
    uniqueKeys = uniqueKeys == null ? List.of() : Collections.unmodifiableList(
        new ArrayList<>(uniqueKeys));
  }

  /** The name given to unique key {@code i}, or null. */
  public String uniqueKey(int i) {
    return i < uniqueKeys.size() ? uniqueKeys.get(i) : null;
  }

  /** Every name given, in key order. */
  public List<String> given() {
    List<String> out = new ArrayList<>();
    if (primaryKey != null) {
      out.add(primaryKey);
    }
    for (String u : uniqueKeys) {
      if (u != null) {
        out.add(u);
      }
    }
    return out;
  }
}
