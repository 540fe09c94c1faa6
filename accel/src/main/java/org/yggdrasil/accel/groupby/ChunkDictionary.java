package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A per-chunk dictionary of a text column: its distinct values in first-seen order and a code
 * per row, so LIKE, LENGTH and group-by can run once per distinct value instead of per row.
 *
 * @param codes  code of each row (index into {@code values}); length at least the row count
 * @param values the distinct values, UTF-8 bytes
 */
public record ChunkDictionary(int[] codes, byte[][] values) {

    public int size() {
        return values.length;
    }

    /**
     * Builds the dictionary of all {@code rows} rows, or returns null as soon as there are more
     * than {@code maxDistinct} distinct values (the caller then works on raw bytes).
     */
    public static ChunkDictionary build(MemorySegment offsets, MemorySegment data, int rows, int maxDistinct) {
        int expected = Math.max(1, Math.min(rows, maxDistinct));
        int cap = 16;
        while (cap < (1 << 30) && (cap >>> 1) < expected) {
            cap <<= 1;
        }
        int mask = cap - 1;
        int[] slotCodes = new int[cap];
        long[] slotHashes = new long[cap];
        int[] codeStart = new int[Math.min(expected, 1024)];
        int[] codeLen = new int[codeStart.length];
        int[] codes = new int[rows];
        int n = 0;
        int start = rows == 0 ? 0 : offsets.get(Sel.LE_INT, 0);
        for (int i = 0; i < rows; i++) {
            int end = offsets.get(Sel.LE_INT, 4L * (i + 1));
            int len = end - start;
            long h = ByteHash.hash(data, start, len);
            int slot = (int) h & mask;
            int code;
            while (true) {
                int id = slotCodes[slot];
                if (id == 0) {
                    if (n == maxDistinct) {
                        return null;
                    }
                    code = n++;
                    if (code == codeStart.length) {
                        codeStart = Arrays.copyOf(codeStart, code * 2);
                        codeLen = Arrays.copyOf(codeLen, code * 2);
                    }
                    codeStart[code] = start;
                    codeLen[code] = len;
                    slotCodes[slot] = code + 1;
                    slotHashes[slot] = h;
                    break;
                }
                int c = id - 1;
                if (slotHashes[slot] == h && codeLen[c] == len
                        && ByteHash.equal(data, start, data, codeStart[c], len)) {
                    code = c;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            codes[i] = code;
            start = end;
        }
        byte[][] values = new byte[n][];
        for (int c = 0; c < n; c++) {
            values[c] = data.asSlice(codeStart[c], codeLen[c]).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
        return new ChunkDictionary(codes, values);
    }
}
