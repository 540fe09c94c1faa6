package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

/** NULL as a group of its own, and floats grouped by value. */
class NullGroupTest {

    @Test
    void longNullGroupIsApartFromEveryKeyAndSurvivesGrowth() {
        LongGroupTable t = new LongGroupTable();
        int zero = t.idOf(0);
        int nul = t.nullGroupId();
        assertEquals(1, nul);
        assertEquals(nul, t.nullGroupId());
        assertTrue(t.isNull(nul));
        assertFalse(t.isNull(zero));
        for (long k = 1; k < 100_000; k++) {
            assertEquals(k + 1, t.idOf(k)); // ids after the NULL group continue densely
        }
        assertEquals(zero, t.idOf(0));
        assertEquals(nul, t.nullGroupId());
        assertEquals(100_001, t.groupCount());
        LongGroupTable other = new LongGroupTable();
        other.idOf(7);
        other.nullGroupId();
        other.idOf(-5);
        assertArrayEquals(new int[] {8, nul, 100_001}, t.absorb(other));
    }

    @Test
    void assignNullsHonoursTheSelection() {
        SplittableRandom r = new SplittableRandom(71);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            long[] keys = new long[rows];
            long[] nulls = new long[(rows + 63) >>> 6];
            for (int i = 0; i < rows; i++) {
                keys[i] = r.nextInt(10);
                if (r.nextInt(4) == 0) {
                    nulls[i >>> 6] |= 1L << i;
                }
            }
            for (long[] sel : TextColumns.selections(rows, r)) {
                LongGroupTable t = new LongGroupTable();
                BytesGroupTable text = new BytesGroupTable();
                int[] gid = new int[rows];
                int[] textGid = new int[rows];
                long[] notNull = new long[nulls.length];
                for (int w = 0; w < nulls.length; w++) {
                    notNull[w] = ~nulls[w] & (sel == null ? -1L : sel[w]);
                }
                t.groupIds(keys, rows, notNull, gid);
                t.assignNulls(nulls, rows, sel, gid);
                byte[][] values = new byte[rows][];
                for (int i = 0; i < rows; i++) {
                    values[i] = Long.toString(keys[i]).getBytes(StandardCharsets.UTF_8);
                }
                TextColumns.Text col = TextColumns.text(values, 0);
                text.groupIds(col.offsets(), col.data(), rows, notNull, textGid);
                text.assignNulls(nulls, rows, sel, textGid);
                for (int i = 0; i < rows; i++) {
                    boolean selected = TextColumns.selected(sel, i);
                    boolean isNull = (nulls[i >>> 6] & (1L << i)) != 0;
                    if (!selected) {
                        assertEquals(-1, gid[i]);
                        assertEquals(-1, textGid[i]);
                    } else if (isNull) {
                        assertTrue(t.isNull(gid[i]));
                        assertTrue(text.isNull(textGid[i]));
                    } else {
                        assertEquals(keys[i], t.key(gid[i]));
                        assertArrayEquals(values[i], text.key(textGid[i]));
                    }
                }
            }
        }
    }

    @Test
    void textNullGroupIsApartFromTheEmptyString() {
        BytesGroupTable t = new BytesGroupTable();
        int empty = t.idOf(new byte[0]);
        int nul = t.nullGroupId();
        for (int i = 0; i < 50_000; i++) {
            t.idOf(("k" + i).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(empty, t.idOf(new byte[0]));
        assertEquals(empty, t.find(new byte[0]));
        assertTrue(t.isNull(nul));
        BytesGroupTable other = new BytesGroupTable();
        other.nullGroupId();
        other.idOf("k3".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new int[] {nul, t.find("k3".getBytes(StandardCharsets.UTF_8))}, t.absorb(other));
    }

    @Test
    void doublesGroupByValue() {
        double[] v = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), 1.5, -1.5, 1.5,
            Double.POSITIVE_INFINITY};
        LongGroupTable t = new LongGroupTable();
        int[] gid = new int[v.length];
        t.groupIdsOfDoubles(TextColumns.doubles(v), v.length, null, gid);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 3, 2, 4}, gid);
        assertEquals(0.0, Double.longBitsToDouble(t.key(0)));
        assertTrue(Double.isNaN(Double.longBitsToDouble(t.key(1))));
        long[] sel = {0b10100001L};
        t.groupIdsOfDoubles(TextColumns.doubles(v), v.length, sel, gid);
        assertArrayEquals(new int[] {0, -1, -1, -1, -1, 3, -1, 4}, gid);
    }
}
