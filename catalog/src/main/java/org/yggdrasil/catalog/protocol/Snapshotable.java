package org.yggdrasil.catalog.protocol;

import java.util.List;

/** Layer 1: point-in-time snapshots and reading from them. */
public interface Snapshotable extends VersionedSystem {
  /** The snapshot the current branch points at. */
  String snapshotId();

  /** The parents of a snapshot, first parent first; empty for a root. */
  List<String> parentIds(String snapshotId);

  /** The universal reference of a snapshot (system, id, parents, HLC, content hash). */
  SnapshotRef snapshotRef(String snapshotId);

  /** Metadata of a snapshot. */
  SnapshotMeta snapshotMeta(String snapshotId);

  /** This system read at a snapshot: a read-only value whose reads see exactly that snapshot. */
  Snapshotable asOf(String snapshotId);
}
