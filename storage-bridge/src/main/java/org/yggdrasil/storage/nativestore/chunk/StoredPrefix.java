package org.yggdrasil.storage.nativestore.chunk;

/**
 * What a store recorded about a {@link ColumnChunk} it wrote: the chunk's row count, its content
 * hash, and how many delta records lie between it and the whole stored chunk its chain starts
 * from. Kept on the chunk's append-only buffer, so a longer view of the same buffer can be stored
 * as "that prefix plus these rows" instead of rewriting the whole chunk.
 */
public record StoredPrefix(int rows, byte[] hash, int depth) {
  /** A view stored whole. */
  public static StoredPrefix whole(int rows, byte[] hash) {
    return new StoredPrefix(rows, hash, 0);
  }
}
