package org.yggdrasil.catalog.protocol;

import java.util.Objects;

/**
 * A change a merge cannot make on its own: both sides changed {@code path} differently since
 * their common ancestor (renderings as in {@link Change}; null where a side deleted it).
 */
public record Conflict(String systemId, String path, String base, String ours, String theirs, String detail) {
  public Conflict {
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(path, "path");
  }
}
