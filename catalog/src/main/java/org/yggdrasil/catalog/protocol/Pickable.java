package org.yggdrasil.catalog.protocol;

import java.util.List;

/**
 * Re-applying one change: the difference between two snapshots of the system, applied to the
 * current branch's head as one new snapshot whose only parent is that head. A cherry-pick
 * applies a snapshot's change against its parent ({@code from} = parent, {@code to} = the
 * snapshot); a revert applies the inverse ({@code from} = the snapshot, {@code to} = its
 * parent). It is a three-way merge with {@code from} as the base, so conflicts and policies mean
 * what they mean for {@link #merge}. Not one of the spec's layers: Yggdrasil's composite
 * {@code ygg.cherry_pick} and {@code ygg.revert} use it on every member that offers it.
 */
public interface Pickable extends Mergeable {
  /**
   * Applies the change {@code from} → {@code to} to the current branch. With {@link
   * MergePolicy#FAIL} a conflicting change changes nothing and returns the conflicts. Kind
   * {@code up-to-date} when the branch already has the change (nothing committed).
   */
  MergeOutcome pick(String from, String to, MergePolicy policy, String message);

  /** The conflicts applying the change {@code from} → {@code to} to snapshot {@code onto} meets. */
  List<Conflict> pickConflicts(String onto, String from, String to);
}
