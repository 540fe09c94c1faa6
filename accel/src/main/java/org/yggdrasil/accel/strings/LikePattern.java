package org.yggdrasil.accel.strings;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled PostgreSQL LIKE / ILIKE pattern matched on raw UTF-8 bytes. {@code %} matches any
 * sequence, {@code _} exactly one character (code point, however many bytes), the escape
 * character makes the next character literal. Matching itself is {@link SegmentMatcher};
 * '%literal%' over a whole chunk becomes one search of the data buffer ({@link ContainsScan}).
 *
 * <p>ILIKE compares lower case, as PostgreSQL does ({@code lower(s) LIKE lower(p)}): ASCII
 * values fold byte by byte; values with non-ASCII bytes are lowered code point by code point
 * through Java's {@link Character#toLowerCase(int)} and matched as bytes.
 */
public final class LikePattern {
    private final String source;
    private final boolean caseInsensitive;
    private final SegmentMatcher matcher;

    private LikePattern(String source, boolean caseInsensitive, SegmentMatcher matcher) {
        this.source = source;
        this.caseInsensitive = caseInsensitive;
        this.matcher = matcher;
    }

    /** LIKE with PostgreSQL's default escape, backslash. */
    public static LikePattern compile(String pattern) {
        return compile(pattern, '\\', false);
    }

    /**
     * @param escape the escape character ({@code '\\'} is PostgreSQL's default), or 0 for none
     * @throws LikePatternException when the pattern ends with the escape character
     */
    public static LikePattern compile(String pattern, char escape, boolean caseInsensitive) {
        List<byte[]> segs = new ArrayList<>();
        List<boolean[]> anys = new ArrayList<>();
        ByteArrayOutputStream lit = new ByteArrayOutputStream();
        List<Boolean> any = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (escape != 0 && cp == escape) {
                if (i >= pattern.length()) {
                    throw new LikePatternException("LIKE pattern must not end with escape character;"
                            + " escape it as well, or choose another escape character with ESCAPE");
                }
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                appendLiteral(lit, any, next, caseInsensitive);
            } else if (cp == '%') {
                segs.add(lit.toByteArray());
                anys.add(toArray(any));
                lit.reset();
                any.clear();
                // consecutive % are one
                while (i < pattern.length() && pattern.charAt(i) == '%') {
                    i++;
                }
            } else if (cp == '_') {
                lit.write(0);
                any.add(true);
            } else {
                appendLiteral(lit, any, cp, caseInsensitive);
            }
        }
        segs.add(lit.toByteArray());
        anys.add(toArray(any));
        return new LikePattern(pattern, caseInsensitive,
                new SegmentMatcher(segs.toArray(new byte[0][]), anys.toArray(new boolean[0][])));
    }

    private static void appendLiteral(ByteArrayOutputStream lit, List<Boolean> any, int cp, boolean lower) {
        byte[] b = new String(Character.toChars(lower ? Character.toLowerCase(cp) : cp)).getBytes(StandardCharsets.UTF_8);
        lit.writeBytes(b);
        for (int j = 0; j < b.length; j++) {
            any.add(false);
        }
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] a = new boolean[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    public String pattern() {
        return source;
    }

    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    public boolean matches(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return matches(b, 0, b.length);
    }

    public boolean matches(byte[] a, int off, int len) {
        return matches(MemorySegment.ofArray(a), off, len);
    }

    public boolean matches(MemorySegment s, long off, int len) {
        long to = off + len;
        if (!caseInsensitive) {
            return matcher.matches(s, off, to, false);
        }
        if (isAscii(s, off, to)) {
            return matcher.matches(s, off, to, true);
        }
        byte[] lowered = lowerUtf8(s, off, len);
        return matcher.matches(MemorySegment.ofArray(lowered), 0, lowered.length, false);
    }

    /** Sets in {@code out} the bit of every row that matches; clears the others. */
    public void filter(MemorySegment offsets, MemorySegment data, int rows, long[] out) {
        filter(offsets, data, rows, null, out, Simd.AVAILABLE);
    }

    /** As {@link #filter(MemorySegment, MemorySegment, int, long[])}, only rows of {@code sel} (null = all). */
    public void filter(MemorySegment offsets, MemorySegment data, int rows, long[] sel, long[] out) {
        filter(offsets, data, rows, sel, out, Simd.AVAILABLE);
    }

    /** Scalar twin of {@link #filter(MemorySegment, MemorySegment, int, long[], long[])}. */
    public void filterScalar(MemorySegment offsets, MemorySegment data, int rows, long[] sel, long[] out) {
        filter(offsets, data, rows, sel, out, false);
    }

    /** Row by row, no whole-chunk search: the reference the fast paths are tested against. */
    public void filterRowByRow(MemorySegment offsets, MemorySegment data, int rows, long[] sel, long[] out) {
        int words = Bytes.words(rows);
        Arrays.fill(out, 0, words, 0L);
        for (int i = 0; i < rows; i++) {
            if (sel != null && (sel[i >>> 6] & (1L << i)) == 0) {
                continue;
            }
            int start = Bytes.offset(offsets, i);
            if (matches(data, start, Bytes.offset(offsets, i + 1) - start)) {
                out[i >>> 6] |= 1L << i;
            }
        }
    }

    /**
     * For a dictionary-encoded chunk ({@code codes} index into {@code values}): matches each
     * distinct value once, then sets the bit of every selected row whose value matched.
     */
    public void filter(int[] codes, byte[][] values, int rows, long[] sel, long[] out) {
        boolean[] hit = new boolean[values.length];
        for (int c = 0; c < values.length; c++) {
            hit[c] = matches(values[c], 0, values[c].length);
        }
        int words = Bytes.words(rows);
        for (int w = 0; w < words; w++) {
            long bits = 0;
            for (int i = w << 6, end = Math.min(rows, (w + 1) << 6); i < end; i++) {
                if (hit[codes[i]]) {
                    bits |= 1L << i;
                }
            }
            out[w] = sel == null ? bits : bits & sel[w];
        }
    }

    private void filter(MemorySegment offsets, MemorySegment data, int rows, long[] sel, long[] out, boolean vector) {
        int words = Bytes.words(rows);
        boolean fold = false;
        if (matcher.kind == SegmentMatcher.Kind.CONTAINS && caseInsensitive && rows > 0) {
            // ASCII folding is exact only where no row has a non-ASCII byte
            long from = Bytes.offset(offsets, 0);
            long to = Bytes.offset(offsets, rows);
            fold = vector ? ContainsVector.isAscii(data, from, to) : isAscii(data, from, to);
        }
        if (matcher.kind != SegmentMatcher.Kind.CONTAINS || (caseInsensitive && !fold)) {
            filterRowByRow(offsets, data, rows, sel, out);
            return;
        }
        Arrays.fill(out, 0, words, 0L);
        ContainsScan scan = new ContainsScan(offsets, data, rows, matcher.containsLiteral(), out, fold);
        if (vector) {
            ContainsVector.scan(scan, data, matcher.containsLiteral());
        } else {
            scan.scanScalar(scan.start());
        }
        if (sel != null) {
            for (int w = 0; w < words; w++) {
                out[w] &= sel[w];
            }
        }
        if (words > 0 && (rows & 63) != 0) {
            out[words - 1] &= (1L << (rows & 63)) - 1;
        }
    }

    static boolean isAscii(MemorySegment s, long from, long to) {
        long p = from;
        for (; to - p >= 8; p += 8) {
            if ((s.get(Bytes.LE_LONG, p) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; p < to; p++) {
            if (Bytes.at(s, p) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] lowerUtf8(MemorySegment s, long off, int len) {
        byte[] raw = new byte[len];
        MemorySegment.copy(s, off, MemorySegment.ofArray(raw), 0, len);
        String str = new String(raw, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(str.length());
        str.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (caseInsensitive ? "ILIKE '" : "LIKE '") + source + "' (" + matcher.kind + ")";
    }
}
