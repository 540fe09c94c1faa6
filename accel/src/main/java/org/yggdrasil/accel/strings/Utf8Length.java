package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;

/**
 * LENGTH of UTF-8 text in characters (code points): the bytes that are not continuation bytes
 * ({@code (b & 0xC0) != 0x80}). Over a contiguous byte range this is one vector pass, so a
 * selection is processed as runs of consecutive rows. {@code octet_length} needs no kernel:
 * it is the difference of two offsets.
 */
public final class Utf8Length {
    private Utf8Length() {
    }

    /** Sum of the character lengths of the selected rows (null = all). */
    public static long sumChars(MemorySegment offsets, MemorySegment data, int rows, long[] sel) {
        return Simd.AVAILABLE ? sumChars(offsets, data, rows, sel, true) : sumChars(offsets, data, rows, sel, false);
    }

    /** Scalar twin of {@link #sumChars(MemorySegment, MemorySegment, int, long[])}. */
    public static long sumCharsScalar(MemorySegment offsets, MemorySegment data, int rows, long[] sel) {
        return sumChars(offsets, data, rows, sel, false);
    }

    /** Character length of each row. */
    public static void chars(MemorySegment offsets, MemorySegment data, int rows, int[] out) {
        int start = rows == 0 ? 0 : Bytes.offset(offsets, 0);
        for (int i = 0; i < rows; i++) {
            int end = Bytes.offset(offsets, i + 1);
            out[i] = (end - start) - (int) continuationsSwar(data, start, end);
            start = end;
        }
    }

    /** Scalar twin of {@link #chars}: one byte at a time. */
    public static void charsScalar(MemorySegment offsets, MemorySegment data, int rows, int[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = (int) countChars(data, Bytes.offset(offsets, i), Bytes.offset(offsets, i + 1));
        }
    }

    /**
     * Sum of character lengths over a dictionary-encoded chunk: each distinct value is measured
     * once, rows add their value's length.
     */
    public static long sumChars(int[] codes, byte[][] values, int rows, long[] sel) {
        int[] len = new int[values.length];
        for (int c = 0; c < values.length; c++) {
            len[c] = chars(values[c], 0, values[c].length);
        }
        long total = 0;
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                total += len[codes[i]];
            }
            return total;
        }
        for (int w = 0, words = Bytes.words(rows); w < words; w++) {
            long bits = Bytes.word(sel, w, rows);
            while (bits != 0) {
                total += len[codes[(w << 6) + Long.numberOfTrailingZeros(bits)]];
                bits &= bits - 1;
            }
        }
        return total;
    }

    /** Characters of {@code len} bytes at {@code off} of a byte array. */
    public static int chars(byte[] a, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if ((a[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static long sumChars(MemorySegment offsets, MemorySegment data, int rows, long[] sel, boolean vector) {
        if (rows == 0) {
            return 0;
        }
        if (sel == null) {
            return charsIn(data, Bytes.offset(offsets, 0), Bytes.offset(offsets, rows), vector);
        }
        long total = 0;
        int runStart = -1;
        int runEnd = -1;
        for (int w = 0, words = Bytes.words(rows); w < words; w++) {
            long bits = Bytes.word(sel, w, rows);
            while (bits != 0) {
                // a run of consecutive set bits starting at the lowest one
                int lo = Long.numberOfTrailingZeros(bits);
                long shifted = ~(bits >>> lo);
                int len = shifted == 0 ? 64 - lo : Long.numberOfTrailingZeros(shifted);
                int from = (w << 6) + lo;
                if (from != runEnd) {
                    if (runStart >= 0) {
                        total += charsIn(data, Bytes.offset(offsets, runStart), Bytes.offset(offsets, runEnd), vector);
                    }
                    runStart = from;
                }
                runEnd = from + len;
                bits = lo + len >= 64 ? 0 : bits & (-1L << (lo + len));
            }
        }
        if (runStart >= 0) {
            total += charsIn(data, Bytes.offset(offsets, runStart), Bytes.offset(offsets, runEnd), vector);
        }
        return total;
    }

    private static long charsIn(MemorySegment data, long from, long to, boolean vector) {
        if (!vector) {
            return countChars(data, from, to);
        }
        return (to - from) - Utf8LengthVector.continuations(data, from, to);
    }

    static long countChars(MemorySegment data, long from, long to) {
        long n = 0;
        for (long p = from; p < to; p++) {
            if (!Bytes.isContinuation(Bytes.at(data, p))) {
                n++;
            }
        }
        return n;
    }

    /** Continuation bytes in [from, to), eight at a time: bit 7 set and bit 6 clear. */
    static long continuationsSwar(MemorySegment data, long from, long to) {
        long n = 0;
        long p = from;
        for (; to - p >= 8; p += 8) {
            long w = data.get(Bytes.LE_LONG, p);
            n += Long.bitCount(w & ~(w << 1) & 0x8080808080808080L);
        }
        for (; p < to; p++) {
            if (Bytes.isContinuation(Bytes.at(data, p))) {
                n++;
            }
        }
        return n;
    }
}
