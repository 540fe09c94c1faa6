package org.yggdrasil.storage.git;

import java.util.Objects;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/** One file of a Git tree: its path, mode and blob (a commit id for a submodule). */
record FileEntry(String path, FileMode mode, ObjectId blob) {
  FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mode, "mode");
    blob = blob.copy();
  }

  /** Git's octal rendering, as {@code git ls-tree} prints it: {@code 100644}, {@code 120000}. */
  String modeText() {
    return String.format("%06o", mode.getBits());
  }
}
