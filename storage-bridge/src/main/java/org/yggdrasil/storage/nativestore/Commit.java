package org.yggdrasil.storage.nativestore;

import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.List;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * A commit node of the database's graph: its metadata, its table roots by hash and (when loaded)
 * its state. In memory the state is held strongly (it is the only copy); on disk softly, and read
 * back from the segment files when needed.
 */
final class Commit {
  final String id;
  final List<String> parents;
  final Hlc hlc;
  final Instant time;
  final String message;
  final String author;
  final String branch;
  final long version;
  final long schemaVersion;
  final String[] tableNames;
  final String[] tableHashes;
  private volatile DbState strong;
  private volatile SoftReference<DbState> soft;

  Commit(String id, List<String> parents, Hlc hlc, Instant time, String message, String author, String branch,
      long version, long schemaVersion, String[] tableNames, String[] tableHashes) {
    this.id = id;
    this.parents = List.copyOf(parents);
    this.hlc = hlc;
    this.time = time;
    this.message = message;
    this.author = author;
    this.branch = branch;
    this.version = version;
    this.schemaVersion = schemaVersion;
    this.tableNames = tableNames;
    this.tableHashes = tableHashes;
  }

  CommitMeta meta() {
    return new CommitMeta(id, parents, hlc, time, message, author, branch);
  }

  String contentHash() {
    return ObjectCodec.contentHash(tableNames, tableHashes);
  }

  DbState cached() {
    DbState s = strong;
    if (s != null) {
      return s;
    }
    SoftReference<DbState> r = soft;
    return r == null ? null : r.get();
  }

  void hold(DbState s, boolean strongly) {
    if (strongly) {
      strong = s;
    }
    soft = new SoftReference<>(s);
  }

  /** Drops the strong reference (the state can be read back from disk). */
  void loosen() {
    DbState s = strong;
    if (s != null) {
      soft = new SoftReference<>(s);
      strong = null;
    }
  }
}
