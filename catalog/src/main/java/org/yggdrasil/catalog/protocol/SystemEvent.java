package org.yggdrasil.catalog.protocol;

import java.util.Objects;

/**
 * Something that happened to a system, delivered to watchers.
 *
 * @param type {@code commit}, {@code branch-created} or {@code branch-deleted}
 * @param systemId the system
 * @param branch the branch concerned
 * @param ref the new snapshot (commits and created branches); null for deletions
 */
public record SystemEvent(String type, String systemId, String branch, SnapshotRef ref) {
  public static final String COMMIT = "commit";
  public static final String BRANCH_CREATED = "branch-created";
  public static final String BRANCH_DELETED = "branch-deleted";

  public SystemEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(systemId, "systemId");
  }
}
