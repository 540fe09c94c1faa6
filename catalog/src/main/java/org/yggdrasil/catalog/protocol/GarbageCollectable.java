package org.yggdrasil.catalog.protocol;

import java.util.Set;

/** Reclaiming what no branch, tag or pinned snapshot can reach. */
public interface GarbageCollectable extends VersionedSystem {
  /** The snapshots that keep data alive (branch heads, tags, pins). */
  Set<String> gcRoots();

  /** Removes what the roots cannot reach (changes the store); returns how many objects went. */
  long gcSweep();
}
