package org.yggdrasil.storage.files;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of one snapshot of the directory: each data file's name mapped to the SHA-256 of
 * its bytes. Its {@link #contentHash()} depends on nothing else, so equal directories have equal
 * hashes.
 */
record Manifest(SortedMap<String, String> files) {
  static final Manifest EMPTY = new Manifest(new TreeMap<>());

  Manifest {
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  static Manifest of(Map<String, String> files) {
    return new Manifest(new TreeMap<>(files));
  }

  /** One line per file, {@code sha256 path}, sorted by path: the text the hashes are taken of. */
  String canonical() {
    StringBuilder sb = new StringBuilder();
    files.forEach((path, sha) -> sb.append(sha).append(' ').append(path).append('\n'));
    return sb.toString();
  }

  String contentHash() {
    return Hashing.sha256(canonical());
  }

  String blob(String path) {
    return files.get(path);
  }

  Manifest with(String path, String sha) {
    TreeMap<String, String> m = new TreeMap<>(files);
    if (sha == null) {
      m.remove(path);
    } else {
      m.put(path, sha);
    }
    return new Manifest(m);
  }
}
