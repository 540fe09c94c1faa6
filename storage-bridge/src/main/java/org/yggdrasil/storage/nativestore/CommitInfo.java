package org.yggdrasil.storage.nativestore;

/** What a commit produced: the version of the branch head it left behind. */
public record CommitInfo(long version) {}
