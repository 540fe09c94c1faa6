package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;

/**
 * Group ids from an integer column with a small domain, without hashing: {@code gid = v - min}.
 * The caller has checked (from chunk stats) that every selected value lies in
 * {@code [min, min + limit)} for a dense array of {@code limit} groups; ids are then stable
 * across chunks, but not in first-seen order. Unselected rows get -1.
 */
public final class DenseKeys {
    private DenseKeys() {
    }

    /** @param width bytes per value, signed little-endian: 1, 2, 4 or 8 */
    public static void groupIds(MemorySegment data, int width, long min, int rows, long[] sel, int[] outGid) {
        Sel.checkWidth(width);
        if (Simd.AVAILABLE) {
            DenseKeysVector.groupIds(data, width, min, rows, outGid);
        } else {
            scalar(data, width, min, rows, outGid);
        }
        clearUnselected(rows, sel, outGid);
    }

    /** Scalar twin of {@link #groupIds}. */
    public static void groupIdsScalar(MemorySegment data, int width, long min, int rows, long[] sel, int[] outGid) {
        Sel.checkWidth(width);
        scalar(data, width, min, rows, outGid);
        clearUnselected(rows, sel, outGid);
    }

    /**
     * Dense ids of a pair of dense ids: {@code g1 * card2 + g2} (the caller checked that
     * {@code card1 * card2} fits its dense arrays). A -1 component (unselected row) gives -1.
     */
    public static void combine(int[] g1, int[] g2, int card2, int rows, int[] outGid) {
        if (Simd.AVAILABLE) {
            DenseKeysVector.combine(g1, g2, card2, rows, outGid);
        } else {
            combineScalar(g1, g2, card2, 0, rows, outGid);
        }
    }

    /** Scalar twin of {@link #combine}. */
    public static void combineScalar(int[] g1, int[] g2, int card2, int rows, int[] outGid) {
        combineScalar(g1, g2, card2, 0, rows, outGid);
    }

    /**
     * Packs one more key column into composite keys: {@code keys[i] |= (long) ids[i] << shift}
     * for every row. With each column's ids below {@code 2^width} and the columns at disjoint
     * bit ranges, equal keys mean equal id tuples, so a GROUP BY over several columns hashes one
     * long per row. Ids of unselected rows may be -1; their keys are garbage and must be skipped.
     */
    public static void pack(long[] keys, int[] ids, int shift, int rows) {
        if (Simd.AVAILABLE) {
            DenseKeysVector.pack(keys, ids, shift, rows);
        } else {
            packScalar(keys, ids, shift, 0, rows);
        }
    }

    /** Scalar twin of {@link #pack}. */
    public static void packScalar(long[] keys, int[] ids, int shift, int rows) {
        packScalar(keys, ids, shift, 0, rows);
    }

    static void packScalar(long[] keys, int[] ids, int shift, int from, int rows) {
        for (int i = from; i < rows; i++) {
            keys[i] |= (long) ids[i] << shift;
        }
    }

    static void combineScalar(int[] g1, int[] g2, int card2, int from, int rows, int[] outGid) {
        for (int i = from; i < rows; i++) {
            int a = g1[i];
            int b = g2[i];
            outGid[i] = (a | b) < 0 ? -1 : a * card2 + b;
        }
    }

    static void scalar(MemorySegment data, int width, long min, int from, int rows, int[] outGid) {
        for (int i = from; i < rows; i++) {
            outGid[i] = (int) (Sel.readInt(data, width, i) - min);
        }
    }

    private static void scalar(MemorySegment data, int width, long min, int rows, int[] outGid) {
        scalar(data, width, min, 0, rows, outGid);
    }

    private static void clearUnselected(int rows, long[] sel, int[] outGid) {
        if (sel == null) {
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long off = ~Sel.word(sel, w, rows);
            if (w == words - 1 && (rows & 63) != 0) {
                off &= (1L << (rows & 63)) - 1;
            }
            while (off != 0) {
                outGid[(w << 6) + Long.numberOfTrailingZeros(off)] = -1;
                off &= off - 1;
            }
        }
    }
}
