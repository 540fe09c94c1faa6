package org.yggdrasil.catalog.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * What a system records about one snapshot besides its content (spec {@code snapshot-meta}).
 *
 * @param ref the snapshot's universal reference
 * @param time wall-clock time of the snapshot
 * @param message the commit message (empty when the system has none)
 * @param author who made it (empty when unknown)
 * @param branch the branch it was made on (null when unknown)
 */
public record SnapshotMeta(SnapshotRef ref, Instant time, String message, String author, String branch) {
  public SnapshotMeta {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(time, "time");
    message = message == null ? "" : message;
    author = author == null ? "" : author;
  }
}
