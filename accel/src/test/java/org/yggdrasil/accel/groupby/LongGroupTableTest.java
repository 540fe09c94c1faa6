package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class LongGroupTableTest {

    /** Reference: dense ids in first-seen order from a HashMap. */
    private static int refId(Map<Long, Integer> ref, long key) {
        return ref.computeIfAbsent(key, k -> ref.size());
    }

    @Test
    void matchesHashMapThroughManyResizes() {
        SplittableRandom r = new SplittableRandom(1);
        LongGroupTable t = new LongGroupTable();
        Map<Long, Integer> ref = new HashMap<>();
        long[] special = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1, Long.MIN_VALUE + 1};
        for (int i = 0; i < 300_000; i++) {
            long key = switch (r.nextInt(4)) {
                case 0 -> special[r.nextInt(special.length)];
                case 1 -> r.nextInt(1000);
                case 2 -> r.nextLong();
                default -> (long) r.nextInt(50_000) << 32;
            };
            assertEquals(refId(ref, key), t.idOf(key), "key " + key);
        }
        assertEquals(ref.size(), t.groupCount());
        for (Map.Entry<Long, Integer> e : ref.entrySet()) {
            assertEquals(e.getKey(), t.key(e.getValue()));
            assertEquals(e.getValue(), t.find(e.getKey()));
        }
        assertEquals(-1, t.find(42_000_000_000_000L));
        assertEquals(ref.size(), t.keys().length);
        assertThrows(IndexOutOfBoundsException.class, () -> t.key(ref.size()));
    }

    @Test
    void reservingAheadKeepsIdsAndKeys() {
        SplittableRandom r = new SplittableRandom(3);
        LongGroupTable t = new LongGroupTable();
        Map<Long, Integer> ref = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            if (i == 1000 || i == 50_000) {
                // mid-way, as the group-by path does once it has seen a chunk
                t.reserve(i == 1000 ? 150_000 : 10);
            }
            long key = r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(120_000);
            assertEquals(refId(ref, key), t.idOf(key), "key " + key);
        }
        for (Map.Entry<Long, Integer> e : ref.entrySet()) {
            assertEquals(e.getKey(), t.key(e.getValue()));
            assertEquals(e.getValue(), t.find(e.getKey()));
        }
        int nullId = t.nullGroupId();
        t.reserve(ref.size() * 4);
        assertEquals(nullId, t.nullGroupId());
        assertEquals(ref.size() + 1, t.groupCount());
        assertEquals(-1, t.find(-7_000_000_000L));
    }

    @Test
    void rowWiseIdsHonourSelectionAndWidths() {
        SplittableRandom r = new SplittableRandom(2);
        for (int width : new int[] {1, 2, 4, 8}) {
            for (int rows : TextColumns.AWKWARD_ROWS) {
                for (long[] sel : TextColumns.selections(rows, r)) {
                    long[] keys = new long[rows];
                    for (int i = 0; i < rows; i++) {
                        keys[i] = switch (width) {
                            case 1 -> (byte) r.nextInt();
                            case 2 -> (short) r.nextInt();
                            case 4 -> r.nextInt(5000) - 2500;
                            default -> r.nextInt(3) == 0 ? Long.MIN_VALUE + r.nextInt(3) : r.nextLong(100_000);
                        };
                    }
                    MemorySegment seg = TextColumns.ints(keys, width);
                    LongGroupTable fromSeg = new LongGroupTable();
                    LongGroupTable fromArray = new LongGroupTable();
                    Map<Long, Integer> ref = new HashMap<>();
                    int[] a = new int[rows];
                    int[] b = new int[rows];
                    fromSeg.groupIds(seg, width, rows, sel, a);
                    fromArray.groupIds(keys, rows, sel, b);
                    for (int i = 0; i < rows; i++) {
                        int expected = TextColumns.selected(sel, i) ? refId(ref, keys[i]) : -1;
                        assertEquals(expected, a[i], "segment row " + i);
                        assertEquals(expected, b[i], "array row " + i);
                    }
                    assertEquals(ref.size(), fromSeg.groupCount());
                }
            }
        }
    }

    @Test
    void rejectsUnknownWidth() {
        assertThrows(IllegalArgumentException.class,
                () -> new LongGroupTable().groupIds(TextColumns.ints(new long[3], 4), 3, 3, null, new int[3]));
    }
}
