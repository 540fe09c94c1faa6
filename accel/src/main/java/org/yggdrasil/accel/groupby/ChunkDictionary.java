package org.yggdrasil.accel.groupby;

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
    public static ChunkDictionary build(java.lang.foreign.MemorySegment offsets, java.lang.foreign.MemorySegment data,
            int rows, int maxDistinct) {
        BytesGroupTable table = new BytesGroupTable(Math.max(1, Math.min(rows, maxDistinct)));
        int[] codes = new int[rows];
        if (!table.groupIdsAtMost(offsets, data, rows, codes, maxDistinct)) {
            return null;
        }
        byte[][] values = new byte[table.groupCount()][];
        for (int c = 0; c < values.length; c++) {
            values[c] = table.key(c);
        }
        return new ChunkDictionary(codes, values);
    }
}
