package org.yggdrasil.storage.nativestore.chunk;

/**
 * How a column's values lie in a chunk's data segment. Fixed-width kinds are little-endian
 * ({@link #UUID} is 16 bytes in RFC 4122 / PostgreSQL byte order, so byte order is value order);
 * {@link #VARLEN} is int32 offsets (rows + 1 of them) into a byte segment.
 */
public enum Physical {
  BYTE(1),
  SHORT(2),
  INT(4),
  LONG(8),
  FLOAT(4),
  DOUBLE(8),
  UUID(16),
  VARLEN(0);

  private final int width;

  Physical(int width) {
    this.width = width;
  }

  /** Bytes per value, 0 for {@link #VARLEN}. */
  public int width() {
    return width;
  }
}
