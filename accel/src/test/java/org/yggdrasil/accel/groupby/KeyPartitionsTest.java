package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class KeyPartitionsTest {

    @Test
    void partitionsAreDisjointCoverTheSelectionAndFollowTheKey() {
        SplittableRandom r = new SplittableRandom(11);
        for (int parts : new int[] {1, 2, 3, 4, 7}) {
            for (int rows : TextColumns.AWKWARD_ROWS) {
                for (long[] sel : TextColumns.selections(rows, r)) {
                    long[] keys = new long[rows];
                    long[] valid = new long[Math.max(1, (rows + 63) >>> 6)];
                    for (int i = 0; i < rows; i++) {
                        keys[i] = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(50) - 10;
                        if (r.nextInt(5) != 0) {
                            valid[i >>> 6] |= 1L << i;
                        }
                    }
                    boolean withNulls = r.nextBoolean();
                    int[] owner = new int[rows];
                    java.util.Arrays.fill(owner, -1);
                    for (int p = 0; p < parts; p++) {
                        long[] out = new long[valid.length];
                        KeyPartitions.select(keys, withNulls ? valid : null, rows, sel, parts, p, out);
                        for (int i = 0; i < out.length * 64; i++) {
                            if ((out[i >>> 6] & (1L << i)) == 0) {
                                continue;
                            }
                            assertTrue(i < rows, "bit past the rows");
                            assertEquals(-1, owner[i], "row in two partitions");
                            owner[i] = p;
                        }
                    }
                    for (int i = 0; i < rows; i++) {
                        boolean isNull = withNulls && (valid[i >>> 6] & (1L << i)) == 0;
                        int expected = !TextColumns.selected(sel, i) ? -1
                            : isNull ? 0 : KeyPartitions.of(keys[i], parts);
                        assertEquals(expected, owner[i], "row " + i + " of " + rows);
                    }
                }
            }
        }
    }

    @Test
    void spreadsKeysEvenly() {
        int[] seen = new int[4];
        for (long k = 0; k < 100_000; k++) {
            int p = KeyPartitions.of(k, 4);
            assertTrue(p >= 0 && p < 4);
            seen[p]++;
        }
        for (int n : seen) {
            assertTrue(n > 23_000 && n < 27_000, "uneven: " + java.util.Arrays.toString(seen));
        }
    }
}
