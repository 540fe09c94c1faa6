package org.yggdrasil.storage.nativestore;

/**
 * What a commit produced: the version of the branch head it left behind and its commit id (the
 * id of the head it read when the transaction wrote nothing).
 */
public record CommitInfo(long version, String commitId) {
  public CommitInfo(long version) {
    this(version, null);
  }
}
