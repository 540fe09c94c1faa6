/**
 * Vectorized column kernels over {@link java.lang.foreign.MemorySegment} chunks (no copying out of
 * mapped memory): filters that produce selection bitmaps, loads into work arrays, arithmetic.
 *
 * <p>Conventions shared by every kernel here and in {@code org.yggdrasil.accel.agg}:
 * <ul>
 *   <li>A column is {@code rows} fixed-width little-endian values from offset 0, typed by {@link
 *       org.yggdrasil.accel.kernels.Lane}.</li>
 *   <li>A selection is a {@code long[]} bitmap, row i = bit {@code i & 63} of word {@code i >>> 6};
 *       {@code null} means every row. Kernels that write a bitmap clear every bit at or beyond
 *       {@code rows}, including later words of the array.</li>
 *   <li>Floating comparisons use PostgreSQL's order: NaN equals NaN and is above +Infinity; -0.0 equals 0.0.
 *       A FLOAT column compared with a double constant compares the exact double values, as PostgreSQL
 *       compares float4 with float8.</li>
 *   <li>Each {@code X} class on the Vector API has a plain-loop twin {@code ScalarX} with the same static
 *       methods and results; callers pick one with {@code org.yggdrasil.accel.agg.VectorSupport#available()}.</li>
 *   <li>Kernels are stateless and thread-safe; parallel workers call them on different chunks.</li>
 * </ul>
 */
package org.yggdrasil.accel.kernels;
