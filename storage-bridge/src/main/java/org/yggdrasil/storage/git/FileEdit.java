package org.yggdrasil.storage.git;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A staged change of one path: its new content (kept in memory until the commit writes it, so
 * nothing unreferenced sits in the repository meanwhile), or its deletion.
 *
 * @param content the new bytes; null when {@code existingBlob} is reused or the path is deleted
 * @param existingBlob a blob already in the repository to point the path at, or null
 */
record FileEdit(String path, FileMode mode, byte[] content, ObjectId existingBlob) {
  static FileEdit delete(String path) {
    return new FileEdit(path, null, null, null);
  }

  boolean isDelete() {
    return mode == null;
  }
}
