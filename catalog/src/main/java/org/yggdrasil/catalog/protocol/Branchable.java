package org.yggdrasil.catalog.protocol;

import java.util.SortedSet;

/** Layer 2: named mutable pointers to snapshots. The default branch is {@code main}. */
public interface Branchable extends Snapshotable {
  String DEFAULT_BRANCH = "main";

  SortedSet<String> branches();

  String currentBranch();

  /**
   * Creates branch {@code name} (changes the store) at {@code from}: a branch name or snapshot id,
   * or the current branch's head when null. Returns the new branch's head. 42710 if it exists.
   */
  SnapshotRef branch(String name, String from);

  /** Deletes a branch (changes the store); the current or default branch cannot be deleted. */
  void deleteBranch(String name);

  /** Points a branch at another snapshot (changes the store): undo by branch reset. */
  void resetBranch(String name, String snapshotId);

  /** This system on another branch. */
  Branchable checkout(String name);
}
