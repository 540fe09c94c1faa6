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
 *   <li>{@code refs}: a checkpoint, atomically replaced (temp file, fsync, rename, fsync directory)
 *       now and then, not on every commit (see the store's Checkpoints): the length of every
 *       segment at that moment, branch heads, tags, the database-wide counters (versions, row ids, table oids), sequence
 *       reservations and the HLC high-water mark, with a CRC32C. The log is the commit point: a
 *       commit is acknowledged once its records are fsynced, and opening replays the intact
 *       records past the checkpoint's lengths (head moves carry the counters) up to the first
 *       record whose checksum fails (a torn tail, cut off by the next writer). {@code ygg-refs 1}
 *       (the first format) made refs the commit point instead: its tail is ignored, and the first
 *       flush of a writer rewrites it as format 2.
 *   <li>{@code LOCK}: held (flock) by the one writer process; read-only openers do not take it.
 * </ul>
 *
 * Primary-key and unique indexes are not stored: they are rebuilt from the rows the first time a
 * table version read from disk needs them.
 */
package org.yggdrasil.storage.nativestore.disk;
