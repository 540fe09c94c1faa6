package org.yggdrasil.catalog.protocol;

/** What a merge does with conflicts: stop with nothing changed, keep the target's, take the source's. */
public enum MergePolicy {
  FAIL, OURS, THEIRS
}
