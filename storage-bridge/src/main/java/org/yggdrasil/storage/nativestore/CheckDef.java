package org.yggdrasil.storage.nativestore;

import java.util.Objects;

/**
 * A CHECK constraint: its name and its boolean SQL expression over the table's columns, as written
 * (the statement layer evaluates it; the store only keeps it).
 */
public record CheckDef(String name, String expression) {
  public CheckDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
