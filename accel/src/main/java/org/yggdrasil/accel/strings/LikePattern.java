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
 * character makes the next character literal.
 *
 * <p>The pattern is split at {@code %} into segments. Without {@code _} the common shapes get
 * fast paths: exact, 'prefix%' / '%suffix' / 'a%b', and '%literal%', which over a whole chunk
 * becomes one search of the data buffer ({@link ContainsScan}). Everything else runs the general
 * matcher: first segment anchored at the start, last anchored at the end, the middle ones found
 * leftmost in order, which is exact for {@code %} wildcards.
 *
 * <p>ILIKE compares lower case, as PostgreSQL does ({@code lower(s) LIKE lower(p)}): ASCII
 * values fold byte by byte; values with non-ASCII bytes are lowered code point by code point
 * through Java's {@link Character#toLowerCase(int)} and matched as bytes.
 */
public final class LikePattern {
    private enum Kind { EXACT, PREFIX_SUFFIX, CONTAINS, GENERAL }

    private final String source;
    private final boolean caseInsensitive;
    /** Literal bytes of each %-separated segment (lower case for ILIKE). */
    private final byte[][] segments;
    /** Per segment and byte position: true where the pattern has {@code _}. */
    private final boolean[][] anyChar;
    private final Kind kind;

    private LikePattern(String source, boolean caseInsensitive, byte[][] segments, boolean[][] anyChar) {
        this.source = source;
        this.caseInsensitive = caseInsensitive;
        this.segments = segments;
        this.anyChar = anyChar;
        boolean underscore = false;
        for (boolean[] a : anyChar) {
            for (boolean b : a) {
                underscore |= b;
            }
        }
        int k = segments.length - 1;
        if (underscore) {
            kind = Kind.GENERAL;
        } else if (k == 0) {
            kind = Kind.EXACT;
        } else if (k == 1) {
            kind = Kind.PREFIX_SUFFIX;
        } else if (k == 2 && segments[0].length == 0 && segments[2].length == 0) {
            kind = Kind.CONTAINS;
        } else {
            kind = Kind.GENERAL;
        }
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
        return new LikePattern(pattern, caseInsensitive, segs.toArray(new byte[0][]), anys.toArray(new boolean[0][]));
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
            return matchCore(s, off, to, false);
        }
        if (isAscii(s, off, to)) {
            return matchCore(s, off, to, true);
        }
        byte[] lowered = lowerUtf8(s, off, len);
        return matchCore(MemorySegment.ofArray(lowered), 0, lowered.length, false);
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
        if (kind == Kind.CONTAINS && caseInsensitive && rows > 0) {
            // ASCII folding is exact only where no row has a non-ASCII byte
            long from = Bytes.offset(offsets, 0);
            long to = Bytes.offset(offsets, rows);
            fold = vector ? ContainsVector.isAscii(data, from, to) : isAscii(data, from, to);
        }
        if (kind != Kind.CONTAINS || (caseInsensitive && !fold)) {
            filterRowByRow(offsets, data, rows, sel, out);
            return;
        }
        Arrays.fill(out, 0, words, 0L);
        ContainsScan scan = new ContainsScan(offsets, data, rows, segments[1], out, fold);
        if (vector) {
            ContainsVector.scan(scan, data, segments[1]);
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

    private boolean matchCore(MemorySegment s, long from, long to, boolean fold) {
        switch (kind) {
            case EXACT:
                return to - from == segments[0].length && literalAt(s, from, segments[0], fold);
            case PREFIX_SUFFIX: {
                byte[] a = segments[0];
                byte[] b = segments[1];
                return to - from >= a.length + b.length && literalAt(s, from, a, fold)
                        && literalAt(s, to - b.length, b, fold);
            }
            case CONTAINS:
                return indexOf(s, from, to, segments[1], fold) >= 0;
            default:
                return general(s, from, to, fold);
        }
    }

    private boolean general(MemorySegment s, long from, long to, boolean fold) {
        int k = segments.length - 1;
        long p = forward(0, s, from, to, fold);
        if (p < 0) {
            return false;
        }
        if (k == 0) {
            return p == to;
        }
        long q = backward(k, s, p, to, fold);
        if (q < 0) {
            return false;
        }
        for (int i = 1; i < k; i++) {
            long e = -1;
            for (long t = p; t < q; t++) {
                if (Bytes.isContinuation(Bytes.at(s, t))) {
                    continue;
                }
                e = forward(i, s, t, q, fold);
                if (e >= 0) {
                    break;
                }
            }
            if (e < 0) {
                return false;
            }
            p = e;
        }
        return true;
    }

    /** Matches segment {@code i} starting at {@code p}; the end position, or -1. */
    private long forward(int i, MemorySegment s, long p, long limit, boolean fold) {
        byte[] lit = segments[i];
        boolean[] any = anyChar[i];
        for (int j = 0; j < lit.length; j++) {
            if (p >= limit) {
                return -1;
            }
            if (any[j]) {
                p++;
                while (p < limit && Bytes.isContinuation(Bytes.at(s, p))) {
                    p++;
                }
            } else {
                if (fold(Bytes.at(s, p), fold) != lit[j]) {
                    return -1;
                }
                p++;
            }
        }
        return p;
    }

    /** Matches segment {@code i} ending exactly at {@code to}, not before {@code low}; its start, or -1. */
    private long backward(int i, MemorySegment s, long low, long to, boolean fold) {
        byte[] lit = segments[i];
        boolean[] any = anyChar[i];
        long p = to;
        for (int j = lit.length - 1; j >= 0; j--) {
            if (p <= low) {
                return -1;
            }
            p--;
            if (any[j]) {
                while (p > low && Bytes.isContinuation(Bytes.at(s, p))) {
                    p--;
                }
                if (Bytes.isContinuation(Bytes.at(s, p))) {
                    return -1;
                }
            } else if (fold(Bytes.at(s, p), fold) != lit[j]) {
                return -1;
            }
        }
        return p;
    }

    private static long indexOf(MemorySegment s, long from, long to, byte[] lit, boolean fold) {
        byte first = lit[0];
        for (long p = from, stop = to - lit.length; p <= stop; p++) {
            if (fold(Bytes.at(s, p), fold) == first && literalAt(s, p, lit, fold)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean literalAt(MemorySegment s, long p, byte[] lit, boolean fold) {
        for (int j = 0; j < lit.length; j++) {
            if (fold(Bytes.at(s, p + j), fold) != lit[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte fold(byte b, boolean fold) {
        return fold && b >= 'A' && b <= 'Z' ? (byte) (b | 0x20) : b;
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
        return (caseInsensitive ? "ILIKE '" : "LIKE '") + source + "' (" + kind + ")";
    }
}
