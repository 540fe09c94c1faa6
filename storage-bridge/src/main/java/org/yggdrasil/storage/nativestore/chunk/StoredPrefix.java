package org.yggdrasil.storage.nativestore.chunk;

/**
 * What a store recorded about a {@link ColumnChunk} it wrote: the chunk's row count, its content
 * hash, how many delta records lie between it and the whole stored chunk its chain starts from,
 * and that chunk's row count and hash. Kept on the chunk's
 * append-only buffer, so a longer view of the same buffer can be stored as "that prefix plus these
 * rows" instead of rewriting the whole chunk.
 */
public record StoredPrefix(int rows, byte[] hash, int depth, int wholeRows, byte[] wholeHash) {
  /** A view stored whole. */
  public static StoredPrefix whole(int rows, byte[] hash) {
    return new StoredPrefix(rows, hash, 0, rows, hash);
  }
}
