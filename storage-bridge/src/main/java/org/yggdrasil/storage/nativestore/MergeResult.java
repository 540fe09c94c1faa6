package org.yggdrasil.storage.nativestore;

import java.util.List;

/**
 * What a merge did.
 *
 * @param commitId the target's head afterwards (the merge commit, the fast-forwarded head, or
 *     the unchanged head); null when conflicts stopped it
 * @param kind "merge", "fast-forward", "up-to-date" or "conflicts"
 * @param conflicts the conflicts found (resolved by the strategy unless kind is "conflicts")
 * @param rowsChanged rows written on the target
 */
public record MergeResult(String commitId, String kind, List<MergeConflict> conflicts,
    long rowsChanged) {
  public MergeResult {
    conflicts = List.copyOf(conflicts);
  }
}
