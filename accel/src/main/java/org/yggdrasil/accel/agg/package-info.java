/**
 * Aggregates over selected rows of a chunk (sum, min, max, sum of products, moments and
 * co-moments for variance, stddev and corr), and per-group accumulators over group ids.
 * Partial results of chunks merge: double sums through compensated addition, {@link
 * org.yggdrasil.accel.agg.Moments} and {@link org.yggdrasil.accel.agg.CoMoments} through Chan's formulas.
 * See {@code org.yggdrasil.accel.kernels} for the data and selection conventions.
 */
package org.yggdrasil.accel.agg;
