package org.yggdrasil.catalog.protocol;

import java.util.List;

/** Layer 4: combining lineages. */
public interface Mergeable extends Graphable {
  /**
   * Merges {@code source} (a branch or snapshot id) into the current branch (changes the store).
   * With {@link MergePolicy#FAIL} a conflicting merge changes nothing and returns the conflicts.
   */
  MergeOutcome merge(String source, MergePolicy policy, String message);

  /** The conflicts merging {@code b} into {@code a} would meet, without merging. */
  List<Conflict> conflicts(String a, String b);

  /** What changed from snapshot {@code a} to snapshot {@code b}. */
  Delta diff(String a, String b);
}
