package org.yggdrasil.catalog.protocol;

import java.util.List;

/** The typed difference between two snapshots ({@code from} → {@code to}) of one system. */
public record Delta(String systemId, String from, String to, List<Change> changes) {
  public Delta {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
