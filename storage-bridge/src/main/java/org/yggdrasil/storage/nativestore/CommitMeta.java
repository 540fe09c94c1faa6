package org.yggdrasil.storage.nativestore;

import java.time.Instant;
import java.util.List;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * A commit's metadata. {@code id} is the SHA-256 (hex) of the stored commit object, which holds
 * the table roots (themselves content hashes), the parents (first parent first; two for a merge)
 * and the rest of this metadata. {@code branch} is the branch it was made on.
 */
public record CommitMeta(String id, List<String> parents, Hlc hlc, Instant time, String message,
    String author, String branch) {
  public CommitMeta {
    parents = List.copyOf(parents);
  }
}
