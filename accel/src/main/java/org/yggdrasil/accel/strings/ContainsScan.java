package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;

/**
 * '%literal%' over a whole chunk at once: the literal is searched in the chunk's data buffer
 * as one byte stream (no per-row setup), and each hit is mapped to its row by walking the
 * offsets forward. A hit that straddles two rows is no match; after a row matches, the scan
 * resumes at the next row. The vector search in {@link ContainsVector} feeds the same
 * {@link #candidate} step as the scalar loop here.
 */
final class ContainsScan {
    private final MemorySegment offsets;
    private final MemorySegment data;
    private final byte[] literal;
    private final long[] out;
    private final int rows;
    /** ILIKE over an all-ASCII chunk: compare data bytes folded to lower case. */
    final boolean fold;
    private int row;
    private long rowEnd;
    /** Candidates below this position belong to rows already decided. */
    long resumeAt;

    ContainsScan(MemorySegment offsets, MemorySegment data, int rows, byte[] literal, long[] out, boolean fold) {
        this.fold = fold;
        this.offsets = offsets;
        this.data = data;
        this.rows = rows;
        this.literal = literal;
        this.out = out;
        this.rowEnd = rows == 0 ? 0 : Bytes.offset(offsets, 1);
        this.resumeAt = rows == 0 ? 0 : Bytes.offset(offsets, 0);
    }

    long start() {
        return rows == 0 ? 0 : Bytes.offset(offsets, 0);
    }

    long end() {
        return rows == 0 ? 0 : Bytes.offset(offsets, rows);
    }

    /** A position where the literal's first and last bytes match: verify and record its row. */
    void candidate(long p) {
        if (p < resumeAt || !verify(p)) {
            return;
        }
        while (rowEnd <= p) {
            row++;
            rowEnd = Bytes.offset(offsets, row + 1);
        }
        if (p + literal.length <= rowEnd) {
            out[row >>> 6] |= 1L << row;
            resumeAt = rowEnd;
        }
    }

    private boolean verify(long p) {
        for (int j = 1; j < literal.length - 1; j++) {
            if (fold(Bytes.at(data, p + j)) != literal[j]) {
                return false;
            }
        }
        return true;
    }

    private byte fold(byte b) {
        return fold && b >= 'A' && b <= 'Z' ? (byte) (b | 0x20) : b;
    }

    /** Scalar search from {@code from} to the end of the chunk. */
    void scanScalar(long from) {
        int n = literal.length;
        byte first = literal[0];
        byte last = literal[n - 1];
        for (long p = Math.max(from, resumeAt), stop = end() - n; p <= stop; p++) {
            if (fold(Bytes.at(data, p)) == first && fold(Bytes.at(data, p + n - 1)) == last) {
                candidate(p);
                if (resumeAt > p + 1) {
                    p = resumeAt - 1;
                }
            }
        }
    }
}
