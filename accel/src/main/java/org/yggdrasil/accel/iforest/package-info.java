/**
 * Isolation forests (Liu, Ting and Zhou, 2008) for anomaly detection: training from feature
 * columns and vectorized scoring.
 *
 * <ul>
 *   <li>{@link org.yggdrasil.accel.iforest.IsolationForest#train} draws, per tree, {@code
 *       min(sampleSize, rows)} rows without replacement (a seeded SplitMix64 stream per tree, so
 *       the same seed gives the same model bytes), grows each tree with a random non-constant
 *       feature and a uniform split in [min, max) per node up to depth {@code ceil(log2 psi)},
 *       and calibrates the threshold and PROBA on up to 4096 rows drawn without replacement.</li>
 *   <li>{@link org.yggdrasil.accel.iforest.Measure} defines SCORE, PREDICT, PROBA and
 *       CONFIDENCE.</li>
 *   <li>Scoring packs each tree as a complete binary tree in flat arrays (padding early leaves
 *       with always-left nodes) so every row takes the same number of branch-free steps; rows go
 *       in column-major batches of 512. With the Vector API (see {@code
 *       org.yggdrasil.accel.agg.VectorSupport}) and at most 16 features, each value becomes an
 *       int key ranked among the feature's splits ({@code SplitKeys}, exact), and the top eight
 *       levels (whole trees of 256-row samples) are walked sixteen rows at a time with lane
 *       permutes over packed node words ({@code VectorTraversal}); the scalar twin ({@code
 *       ScalarTraversal}) gives bit-identical results and runs everywhere else.</li>
 *   <li>{@link org.yggdrasil.accel.iforest.IsolationForest#toBytes} is a versioned,
 *       checksummed binary form storing only real nodes.</li>
 * </ul>
 */
package org.yggdrasil.accel.iforest;
