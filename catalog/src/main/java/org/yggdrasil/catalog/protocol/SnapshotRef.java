package org.yggdrasil.catalog.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A universal reference to a point-in-time snapshot of one system (protocol spec "SnapshotRef"):
 * which system, its native snapshot id, the parent snapshot ids (first parent first), the HLC of
 * the snapshot and, for content-addressed systems, the content hash (null when unknown).
 */
public record SnapshotRef(String systemId, String snapshotId, List<String> parentIds, Hlc hlc, String contentHash) {
  public SnapshotRef {
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(snapshotId, "snapshotId");
    parentIds = parentIds == null ? List.of() : List.copyOf(parentIds);
    Objects.requireNonNull(hlc, "hlc");
  }
}
