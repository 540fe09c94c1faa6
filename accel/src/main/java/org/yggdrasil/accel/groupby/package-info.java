/**
 * Group-by building blocks over column chunks, all incremental chunk by chunk: hash tables
 * from long or byte-string keys to dense group ids in first-seen order
 * ({@link org.yggdrasil.accel.groupby.LongGroupTable},
 * {@link org.yggdrasil.accel.groupby.BytesGroupTable}), per-chunk dictionaries, dense ids for
 * small integer domains, composite keys, COUNT(DISTINCT), exact quantiles and top-n.
 *
 * <p>Conventions: fixed-width columns are little-endian {@code MemorySegment}s; text columns
 * are {@code offsets} (rows + 1 int32) plus UTF-8 {@code data}; a selection is a
 * {@code long[]} bitmap (bit i of word i >>> 6, null = all rows). Methods that write a group
 * id per row write -1 for rows outside the selection. Vectorized kernels have scalar twins and
 * fall back to them when the Vector API is absent.
 */
package org.yggdrasil.accel.groupby;
