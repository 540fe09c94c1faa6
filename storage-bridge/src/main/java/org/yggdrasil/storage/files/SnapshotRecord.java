package org.yggdrasil.storage.files;

import java.time.Instant;
import java.util.List;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * One snapshot as stored: its manifest, parents and metadata. The id is the hash of the
 * manifest and the parents, so the same content on the same history is the same snapshot.
 */
record SnapshotRecord(
    String id, Manifest manifest, List<String> parents, Hlc hlc, Instant time, String message,
    String author, String branch) {
  SnapshotRecord {
    parents = List.copyOf(parents);
  }

  static String idOf(Manifest manifest, List<String> parents) {
    return Hashing.sha256(manifest.canonical() + "parents " + String.join(" ", parents) + "\n");
  }
}
