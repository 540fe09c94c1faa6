package org.yggdrasil.accel.strings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class Utf8LengthTest {

    private static String value(SplittableRandom r) {
        // mostly short, some long enough for several vector blocks
        int max = r.nextInt(10) == 0 ? 300 : 30;
        return TextColumns.randomText(r, max);
    }

    @Test
    void vectorScalarAndReferenceAgree() {
        SplittableRandom r = new SplittableRandom(11);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            String[] values = new String[rows];
            byte[][] bytes = new byte[rows][];
            for (int i = 0; i < rows; i++) {
                values[i] = value(r);
                bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
            }
            TextColumns.Text col = TextColumns.text(bytes, r.nextInt(5));
            int[] expected = new int[rows];
            for (int i = 0; i < rows; i++) {
                expected[i] = values[i].codePointCount(0, values[i].length());
            }
            int[] fast = new int[rows];
            int[] scalar = new int[rows];
            Utf8Length.chars(col.offsets(), col.data(), rows, fast);
            Utf8Length.charsScalar(col.offsets(), col.data(), rows, scalar);
            assertArrayEquals(expected, fast);
            assertArrayEquals(expected, scalar);
            for (long[] sel : TextColumns.selections(rows, r)) {
                long sum = 0;
                for (int i = 0; i < rows; i++) {
                    if (TextColumns.selected(sel, i)) {
                        sum += expected[i];
                    }
                }
                assertEquals(sum, Utf8Length.sumChars(col.offsets(), col.data(), rows, sel), "rows " + rows);
                assertEquals(sum, Utf8Length.sumCharsScalar(col.offsets(), col.data(), rows, sel), "rows " + rows);
            }
        }
    }

    @Test
    void multiByteCharactersCountOnce() {
        TextColumns.Text col = TextColumns.text(java.util.List.of("é", "日本", "😀", "", "aé日😀", "x".repeat(65)));
        int[] out = new int[6];
        Utf8Length.chars(col.offsets(), col.data(), 6, out);
        assertArrayEquals(new int[] {1, 2, 1, 0, 4, 65}, out);
        assertEquals(73, Utf8Length.sumChars(col.offsets(), col.data(), 6, null));
        assertEquals(4, Utf8Length.chars("aé日😀".getBytes(StandardCharsets.UTF_8), 0, 10));
    }

    @Test
    void longRunsCrossVectorBlocks() {
        SplittableRandom r = new SplittableRandom(12);
        for (int len : new int[] {0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 4095, 4096, 70_000}) {
            StringBuilder sb = new StringBuilder();
            for (int bytes = 0; bytes < len; ) {
                String c = r.nextBoolean() ? "a" : r.nextBoolean() ? "é" : "日";
                sb.append(c);
                bytes += c.getBytes(StandardCharsets.UTF_8).length;
            }
            String s = sb.toString();
            TextColumns.Text col = TextColumns.text(java.util.List.of(s));
            assertEquals(s.codePointCount(0, s.length()), Utf8Length.sumChars(col.offsets(), col.data(), 1, null));
        }
    }

    @Test
    void dictionarySumMeasuresEachValueOnce() {
        byte[][] values = {"é".getBytes(StandardCharsets.UTF_8), "".getBytes(StandardCharsets.UTF_8),
            "日本😀x".getBytes(StandardCharsets.UTF_8)};
        int[] lengths = {1, 0, 4};
        SplittableRandom r = new SplittableRandom(13);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = r.nextInt(values.length);
            }
            for (long[] sel : TextColumns.selections(rows, r)) {
                long expected = 0;
                for (int i = 0; i < rows; i++) {
                    if (TextColumns.selected(sel, i)) {
                        expected += lengths[codes[i]];
                    }
                }
                assertEquals(expected, Utf8Length.sumChars(codes, values, rows, sel));
            }
        }
    }
}
