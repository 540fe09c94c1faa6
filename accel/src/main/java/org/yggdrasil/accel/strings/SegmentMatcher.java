package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;

/**
 * The byte-level matcher of a compiled LIKE pattern: the pattern split at {@code %} into
 * segments of literal bytes and {@code _} positions. Without {@code _} the common shapes get
 * fast paths: exact, 'prefix%' / '%suffix' / 'a%b', and '%literal%'. Everything else runs the
 * general matcher: first segment anchored at the start, last anchored at the end, the middle
 * ones found leftmost in order, which is exact for {@code %} wildcards.
 */
final class SegmentMatcher {
    enum Kind { EXACT, PREFIX_SUFFIX, CONTAINS, GENERAL }

    /** Literal bytes of each %-separated segment (lower case for ILIKE). */
    private final byte[][] segments;
    /** Per segment and byte position: true where the pattern has {@code _}. */
    private final boolean[][] anyChar;
    final Kind kind;

    SegmentMatcher(byte[][] segments, boolean[][] anyChar) {
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

    /** The literal of a '%literal%' pattern. */
    byte[] containsLiteral() {
        return segments[1];
    }

    /** Whether bytes [from, to) of {@code s} match; {@code fold} compares ASCII letters in lower case. */
    boolean matches(MemorySegment s, long from, long to, boolean fold) {
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
}
