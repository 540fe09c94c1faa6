package org.yggdrasil.catalog.protocol;

/** Turning pending writes on the current branch into a snapshot. */
public interface Committable extends VersionedSystem {
  /** Commits what was written since the last commit (changes the store); returns the new head. */
  SnapshotRef commit(String message, String author);
}
