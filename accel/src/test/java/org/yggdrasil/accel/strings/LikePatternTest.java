package org.yggdrasil.accel.strings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class LikePatternTest {

    /**
     * Reference semantics: a dynamic program over code points (% any sequence, _ one code
     * point); ILIKE lowers both sides code point by code point. Quadratic at worst, never
     * exponential like a backtracking regex.
     */
    private static boolean reference(String value, String pattern, char escape, boolean ci) {
        List<Integer> tokens = new ArrayList<>(); // -1 = %, -2 = _, else a literal code point
        int i = 0;
        while (i < pattern.length()) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (escape != 0 && cp == escape) {
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                tokens.add(ci ? Character.toLowerCase(next) : next);
            } else if (cp == '%') {
                tokens.add(-1);
            } else if (cp == '_') {
                tokens.add(-2);
            } else {
                tokens.add(ci ? Character.toLowerCase(cp) : cp);
            }
        }
        int[] v = lower(value, ci).codePoints().toArray();
        boolean[] dp = new boolean[v.length + 1];
        dp[0] = true;
        for (int t : tokens) {
            boolean[] nd = new boolean[v.length + 1];
            for (int j = 0; j <= v.length; j++) {
                if (t == -1) {
                    nd[j] = dp[j] || (j > 0 && nd[j - 1]);
                } else {
                    nd[j] = j > 0 && dp[j - 1] && (t == -2 || v[j - 1] == t);
                }
            }
            dp = nd;
        }
        return dp[v.length];
    }

    private static String lower(String s, boolean ci) {
        if (!ci) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString();
    }

    @Test
    void vectorPathIsExercised() {
        assertTrue(Simd.AVAILABLE, "tests must run with --add-modules jdk.incubator.vector");
    }

    @Test
    void postgresExamples() {
        assertTrue(LikePattern.compile("abc").matches("abc"));
        assertFalse(LikePattern.compile("abc").matches("abcd"));
        assertTrue(LikePattern.compile("a%").matches("abc"));
        assertTrue(LikePattern.compile("_b_").matches("abc"));
        assertFalse(LikePattern.compile("c").matches("abc"));
        assertTrue(LikePattern.compile("%").matches(""));
        assertTrue(LikePattern.compile("").matches(""));
        assertFalse(LikePattern.compile("").matches("a"));
        assertFalse(LikePattern.compile("_").matches(""));
        assertTrue(LikePattern.compile("%google%").matches("https://www.google.com/x"));
        assertFalse(LikePattern.compile("%google%").matches("https://www.googl.com/x"));
        assertTrue(LikePattern.compile("%a%b%c%").matches("xaxxbxxc"));
        assertFalse(LikePattern.compile("%a%b%c%").matches("xcxxbxxa"));
        assertTrue(LikePattern.compile("ab%ba").matches("aba".concat("ba")));
        assertFalse(LikePattern.compile("ab%ba").matches("aba"));
    }

    @Test
    void underscoreIsOneCharacterEvenWhenMultiByte() {
        assertTrue(LikePattern.compile("_").matches("é"));
        assertTrue(LikePattern.compile("__").matches("日本"));
        assertFalse(LikePattern.compile("_").matches("日本"));
        assertTrue(LikePattern.compile("_x").matches("😀x"));
        assertTrue(LikePattern.compile("%_本").matches("日本"));
        assertTrue(LikePattern.compile("é_%").matches("é😀"));
        assertFalse(LikePattern.compile("%_é_").matches("éé"));
        assertTrue(LikePattern.compile("%_é_").matches("a😀é日"));
    }

    @Test
    void escapes() {
        assertTrue(LikePattern.compile("a\\%b").matches("a%b"));
        assertFalse(LikePattern.compile("a\\%b").matches("axb"));
        assertTrue(LikePattern.compile("a\\_b").matches("a_b"));
        assertFalse(LikePattern.compile("a\\_b").matches("acb"));
        assertTrue(LikePattern.compile("a\\\\b").matches("a\\b"));
        assertTrue(LikePattern.compile("a#_b", '#', false).matches("a_b"));
        assertFalse(LikePattern.compile("a#_b", '#', false).matches("acb"));
        assertTrue(LikePattern.compile("a\\%", (char) 0, false).matches("a\\xyz"));
        assertTrue(LikePattern.compile("100\\%%").matches("100% sure"));
        LikePatternException e = assertThrows(LikePatternException.class, () -> LikePattern.compile("ab\\"));
        assertEquals("22025", e.sqlState());
    }

    @Test
    void ilikeFoldsAsciiAndUnicode() {
        assertTrue(LikePattern.compile("%google%", '\\', true).matches("https://WWW.GOOGLE.com"));
        assertTrue(LikePattern.compile("ÉC%", '\\', true).matches("école"));
        assertTrue(LikePattern.compile("éc_le", '\\', true).matches("ÉCOLE"));
        assertFalse(LikePattern.compile("éc_le", '\\', false).matches("ÉCOLE"));
        assertTrue(LikePattern.compile("%k%", '\\', true).matches("\u212A")); // Kelvin sign lowers to k
        assertTrue(LikePattern.compile("a_c", '\\', true).matches("AÉC"));
    }

    private static String randomPattern(SplittableRandom r, String from) {
        StringBuilder p = new StringBuilder();
        int i = 0;
        while (i < from.length()) {
            int cp = from.codePointAt(i);
            i += Character.charCount(cp);
            switch (r.nextInt(12)) {
                case 0 -> p.append('_');
                case 1 -> p.append('%');
                case 2 -> {
                    p.append('%');
                    // skip a few characters of the value
                    for (int s = r.nextInt(3); s > 0 && i < from.length(); s--) {
                        i += Character.charCount(from.codePointAt(i));
                    }
                }
                case 3 -> p.append(r.nextBoolean() ? "é" : "O");
                default -> {
                    if (cp == '%' || cp == '_' || cp == '\\') {
                        p.append('\\');
                    }
                    p.appendCodePoint(r.nextInt(8) == 0 ? Character.toUpperCase(cp) : cp);
                }
            }
        }
        if (r.nextInt(3) == 0) {
            p.insert(0, '%');
        }
        if (r.nextInt(3) == 0) {
            p.append('%');
        }
        return p.toString();
    }

    @Test
    void randomPatternsMatchTheReference() {
        SplittableRandom r = new SplittableRandom(21);
        for (int n = 0; n < 20_000; n++) {
            String value = TextColumns.randomText(r, 8);
            String pattern = r.nextInt(4) == 0 ? TextColumns.randomText(r, 4).replace("\\", "")
                    : randomPattern(r, r.nextBoolean() ? value : TextColumns.randomText(r, 6));
            boolean ci = r.nextBoolean();
            LikePattern p = LikePattern.compile(pattern, '\\', ci);
            assertEquals(reference(value, pattern, '\\', ci), p.matches(value), () -> p + " on '" + value + "'");
        }
    }

    private static final String[] SHAPES = {
        "%google%", "%o%", "%é%", "%日本%", "%😀%", "%oo%", "%GoGo%", "a%", "%z", "é%é", "%a_b%", "_%", "%_o_%",
        "%\\%%", "%\\_%", "%a%b%", "", "%", "aGo", "%x%x%x%x%x%"
    };

    @Test
    void chunkFiltersAgreeWithRowByRowAndReference() {
        SplittableRandom r = new SplittableRandom(22);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            List<String> values = new ArrayList<>();
            byte[][] bytes = new byte[rows][];
            for (int i = 0; i < rows; i++) {
                String v = TextColumns.randomText(r, r.nextInt(20) == 0 ? 120 : 12);
                if (r.nextInt(50) == 0) {
                    v = v + "google" + v;
                }
                values.add(v);
                bytes[i] = v.getBytes(StandardCharsets.UTF_8);
            }
            TextColumns.Text col = TextColumns.text(bytes, r.nextInt(3));
            int words = (rows + 63) >>> 6;
            for (String shape : SHAPES) {
                for (boolean ci : new boolean[] {false, true}) {
                    if (rows > 1000 && (ci || !(shape.equals("%google%") || shape.equals("%日本%")))) {
                        continue; // the full chunk only for the vectorized whole-buffer '%literal%' search
                    }
                    LikePattern p = LikePattern.compile(shape, '\\', ci);
                    boolean[] match = new boolean[rows];
                    for (int i = 0; i < rows; i++) {
                        match[i] = reference(values.get(i), shape, '\\', ci);
                    }
                    for (long[] sel : TextColumns.selections(rows, r)) {
                        long[] expected = new long[words];
                        for (int i = 0; i < rows; i++) {
                            if (TextColumns.selected(sel, i) && match[i]) {
                                expected[i >>> 6] |= 1L << i;
                            }
                        }
                        long[] fast = new long[words];
                        long[] scalar = new long[words];
                        long[] rowWise = new long[words];
                        java.util.Arrays.fill(fast, -1L); // stale bits must be cleared
                        p.filter(col.offsets(), col.data(), rows, sel, fast);
                        p.filterScalar(col.offsets(), col.data(), rows, sel, scalar);
                        p.filterRowByRow(col.offsets(), col.data(), rows, sel, rowWise);
                        assertArrayEquals(expected, fast, () -> p + " rows " + rows);
                        assertArrayEquals(expected, scalar, () -> p + " rows " + rows);
                        assertArrayEquals(expected, rowWise, () -> p + " rows " + rows);
                    }
                }
            }
        }
    }

    @Test
    void containsFindsHitsAtChunkEdgesAndAcrossRowBoundariesOnlyWithinRows() {
        // "goo" + "gle" split over two rows must not match; a hit at the very end must.
        TextColumns.Text col = TextColumns.text(List.of("xxgoo", "glexx", "y".repeat(70) + "google", "google", "", "g"));
        long[] out = new long[1];
        LikePattern.compile("%google%").filter(col.offsets(), col.data(), 6, out);
        assertEquals(0b001100L, out[0]);
        LikePattern.compile("%google%").filterScalar(col.offsets(), col.data(), 6, null, out);
        assertEquals(0b001100L, out[0]);
    }

    @Test
    void ilikeContainsOnAsciiChunksAgreesWithRowByRow() {
        SplittableRandom r = new SplittableRandom(23);
        String[] pieces = {"g", "G", "o", "O", "l", "L", "e", "E", "-", "@", "[", "`", "z", "Z"};
        for (int rows : TextColumns.AWKWARD_ROWS) {
            List<String> values = new ArrayList<>();
            byte[][] bytes = new byte[rows][];
            for (int i = 0; i < rows; i++) {
                StringBuilder sb = new StringBuilder();
                for (int n = r.nextInt(r.nextInt(30) == 0 ? 200 : 14); n > 0; n--) {
                    sb.append(pieces[r.nextInt(pieces.length)]);
                }
                values.add(sb.toString());
                bytes[i] = sb.toString().getBytes(StandardCharsets.US_ASCII);
            }
            TextColumns.Text col = TextColumns.text(bytes, 1);
            int words = (rows + 63) >>> 6;
            for (String shape : new String[] {"%google%", "%GOO%", "%o%", "%E-%", "%@[%", "%日本%", "%`%"}) {
                if (rows > 1000 && !shape.equals("%google%")) {
                    continue;
                }
                LikePattern p = LikePattern.compile(shape, '\\', true);
                boolean[] match = new boolean[rows];
                for (int i = 0; i < rows; i++) {
                    match[i] = reference(values.get(i), shape, '\\', true);
                }
                for (long[] sel : new long[][] {null, TextColumns.selections(rows, r)[3]}) {
                    long[] expected = new long[words];
                    for (int i = 0; i < rows; i++) {
                        if (TextColumns.selected(sel, i) && match[i]) {
                            expected[i >>> 6] |= 1L << i;
                        }
                    }
                    long[] fast = new long[words];
                    long[] scalar = new long[words];
                    p.filter(col.offsets(), col.data(), rows, sel, fast);
                    p.filterScalar(col.offsets(), col.data(), rows, sel, scalar);
                    assertArrayEquals(expected, fast, () -> p + " rows " + rows);
                    assertArrayEquals(expected, scalar, () -> p + " rows " + rows);
                }
            }
        }
    }

    @Test
    void dictionaryFilterMatchesEachValueOnce() {
        SplittableRandom r = new SplittableRandom(24);
        byte[][] values = {"www.google.com".getBytes(StandardCharsets.UTF_8), "".getBytes(StandardCharsets.UTF_8),
            "GOOGLE é".getBytes(StandardCharsets.UTF_8), "yahoo".getBytes(StandardCharsets.UTF_8)};
        for (int rows : TextColumns.AWKWARD_ROWS) {
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = r.nextInt(values.length);
            }
            for (boolean ci : new boolean[] {false, true}) {
                LikePattern p = LikePattern.compile("%google%", '\\', ci);
                for (long[] sel : TextColumns.selections(rows, r)) {
                    long[] expected = new long[(rows + 63) >>> 6];
                    for (int i = 0; i < rows; i++) {
                        if (TextColumns.selected(sel, i) && p.matches(values[codes[i]], 0, values[codes[i]].length)) {
                            expected[i >>> 6] |= 1L << i;
                        }
                    }
                    long[] out = new long[expected.length];
                    p.filter(codes, values, rows, sel, out);
                    assertArrayEquals(expected, out);
                }
            }
        }
    }
}
