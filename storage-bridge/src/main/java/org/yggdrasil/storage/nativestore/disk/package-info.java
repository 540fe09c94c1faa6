/**
 * The native store's files. A database directory holds:
 *
 * <ul>
 *   <li>{@code seg-NNNNNNNN.ygg}: append-only segment files of checksummed records (see {@link
 *       org.yggdrasil.storage.nativestore.disk.SegmentLog}): content-addressed column chunks
 *       (values little-endian, fixed width, 64-byte aligned so they are scanned in place through
 *       {@code mmap}), delete vectors, table roots, commit objects (named by the SHA-256 of their
 *       payload), plus head-move and tag records (the head history). A new segment starts at 256 MB
 *       and whenever gc compacts.
 *   <li>{@code refs}: the one atomically replaced root (temp file, fsync, rename, fsync directory):
 *       the published length of every segment, branch heads, tags, the database-wide counters
 *       (versions, row ids, table oids) and the HLC high-water mark, with a CRC32C. Records past a
 *       segment's published length are a torn or unacknowledged tail: ignored by readers, cut off
 *       by the next writer.
 *   <li>{@code LOCK}: held (flock) by the one writer process; read-only openers do not take it.
 * </ul>
 *
 * Primary-key and unique indexes are not stored: they are rebuilt from the rows the first time a
 * table version read from disk needs them.
 */
package org.yggdrasil.storage.nativestore.disk;
