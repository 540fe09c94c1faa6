package org.yggdrasil.catalog.protocol;

import java.util.Objects;

/**
 * One difference between two snapshots of a system. What {@code path} names depends on the
 * system: {@code table/key} for database rows, the file path for Git and files, {@code
 * kind/name} for catalog objects.
 *
 * @param kind added, modified or deleted
 * @param path what changed
 * @param before a short rendering of the old value (null when added or not shown)
 * @param after a short rendering of the new value (null when deleted or not shown)
 */
public record Change(Kind kind, String path, String before, String after) {
  public enum Kind { ADDED, MODIFIED, DELETED }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
  }
}
