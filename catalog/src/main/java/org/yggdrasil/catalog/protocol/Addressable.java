package org.yggdrasil.catalog.protocol;

import java.util.Optional;

/** Content addressing: a snapshot's hash of its content, equal for equal content. */
public interface Addressable extends VersionedSystem {
  Optional<String> contentHash(String snapshotId);
}
