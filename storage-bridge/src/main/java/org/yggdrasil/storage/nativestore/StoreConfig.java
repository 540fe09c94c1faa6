package org.yggdrasil.storage.nativestore;

/**
 * Knobs of one native database. {@code chunkRows}: rows per chunk (65536; system property
 * {@code ygg.native.chunkRows} or a test factory may lower it so chunk boundaries are exercised
 * with few rows). {@code keyHashMask}: ANDed into hashed key codes; -1 in production, tests narrow
 * it to force hash collisions in unique indexes.
 */
record StoreConfig(int chunkRows, long keyHashMask) {
  static final int CHUNK_ROWS = 65536;
  static final StoreConfig DEFAULT = new StoreConfig(Integer.getInteger("ygg.native.chunkRows", CHUNK_ROWS), -1L);

  StoreConfig {
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows must be positive: " + chunkRows);
    }
  }
}
