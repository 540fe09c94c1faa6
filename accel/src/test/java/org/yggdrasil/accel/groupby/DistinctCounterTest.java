package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class DistinctCounterTest {

    @Test
    void longsAcrossChunksWidthsAndSelections() {
        SplittableRandom r = new SplittableRandom(41);
        for (int width : new int[] {1, 2, 4, 8}) {
            DistinctCounter c = new DistinctCounter();
            Set<Long> ref = new HashSet<>();
            for (int rows : TextColumns.AWKWARD_ROWS) {
                long[] v = new long[rows];
                for (int i = 0; i < rows; i++) {
                    long x = width == 8 ? (r.nextBoolean() ? r.nextLong() : r.nextInt(100)) : r.nextInt(100_000) - 50_000;
                    v[i] = switch (width) {
                        case 1 -> (byte) x;
                        case 2 -> (short) x;
                        case 4 -> (int) x;
                        default -> x;
                    };
                }
                long[] sel = TextColumns.selections(rows, r)[r.nextInt(5)];
                c.addLongs(TextColumns.ints(v, width), width, rows, sel);
                for (int i = 0; i < rows; i++) {
                    if (TextColumns.selected(sel, i)) {
                        ref.add(v[i]);
                    }
                }
            }
            assertEquals(ref.size(), c.count(), "width " + width);
        }
    }

    @Test
    void doublesCompareByValueLikePostgres() {
        DistinctCounter c = new DistinctCounter();
        double[] v = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), 1.5, 1.5, Double.NEGATIVE_INFINITY};
        c.addDoubles(TextColumns.doubles(v), v.length, null);
        assertEquals(4, c.count()); // 0, NaN, 1.5, -inf
    }

    @Test
    void textAndMergeOfPartialCounters() {
        SplittableRandom r = new SplittableRandom(42);
        DistinctCounter total = new DistinctCounter();
        Set<String> ref = new HashSet<>();
        for (int rows : TextColumns.AWKWARD_ROWS) {
            byte[][] b = new byte[rows][];
            for (int i = 0; i < rows; i++) {
                b[i] = ("id" + String.format("%010d", r.nextInt(20_000)) + (r.nextInt(10) == 0 ? "é" : ""))
                        .getBytes(StandardCharsets.UTF_8);
            }
            TextColumns.Text col = TextColumns.text(b, 1);
            long[] sel = TextColumns.selections(rows, r)[r.nextInt(5)];
            DistinctCounter part = new DistinctCounter();
            part.addText(col.offsets(), col.data(), rows, sel);
            total.merge(part);
            for (int i = 0; i < rows; i++) {
                if (TextColumns.selected(sel, i)) {
                    ref.add(new String(b[i], StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(ref.size(), total.count());
        DistinctCounter empty = new DistinctCounter();
        TextColumns.Text e = TextColumns.text(List.of("", "", "a"));
        empty.addText(e.offsets(), e.data(), 3, null);
        assertEquals(2, empty.count());
    }
}
