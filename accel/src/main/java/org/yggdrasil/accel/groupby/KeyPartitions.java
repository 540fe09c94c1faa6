package org.yggdrasil.accel.groupby;

/**
 * Splits rows into disjoint partitions by the hash of an integer group key, for aggregating in
 * parallel without merging: each worker reads every row but keeps only its partition's, so every
 * group is built by exactly one worker. The partition comes from the hash's high half, which
 * {@link LongGroupTable} does not use to pick slots, so a partition still spreads over its table.
 */
public final class KeyPartitions {
    private KeyPartitions() {
    }

    /** The partition of {@code key} among {@code parts}. */
    public static int of(long key, int parts) {
        return (int) (((LongGroupTable.hash(key) >>> 32) * parts) >>> 32);
    }

    /**
     * Writes into {@code out} the rows below {@code rows} that {@code sel} selects (null = all),
     * whose key is valid (bit set in {@code valid}; null = all valid) and in partition
     * {@code part}; rows with a NULL key go to partition 0. Bits at and above {@code rows} are clear.
     */
    public static void select(long[] keys, long[] valid, int rows, long[] sel, int parts, int part,
            long[] out) {
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            int base = w << 6;
            int n = Math.min(64, rows - base);
            long bits = 0;
            for (int i = 0; i < n; i++) {
                bits |= (long) (of(keys[base + i], parts) == part ? 1 : 0) << i;
            }
            long tail = n == 64 ? -1L : (1L << n) - 1;
            if (valid != null) {
                long v = valid[w];
                bits = (bits & v) | (part == 0 ? ~v & tail : 0);
            }
            out[w] = bits & tail & (sel == null ? -1L : sel[w]);
        }
    }
}
