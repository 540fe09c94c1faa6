package org.yggdrasil.catalog.protocol;

import java.util.List;

/**
 * What a merge did.
 *
 * @param snapshotId the target's head afterwards; null when conflicts stopped it
 * @param kind {@code merge}, {@code fast-forward}, {@code up-to-date} or {@code conflicts}
 * @param conflicts the conflicts found (resolved by the policy unless kind is {@code conflicts})
 */
public record MergeOutcome(String snapshotId, String kind, List<Conflict> conflicts) {
  public MergeOutcome {
    conflicts = List.copyOf(conflicts);
  }

  public boolean stopped() {
    return snapshotId == null;
  }
}
