package org.yggdrasil.accel.groupby;

import java.util.Arrays;

/**
 * One dense group id for a pair of group ids (GROUP BY a, b): the pair {@code g1 << 32 | g2}
 * goes through a {@link LongGroupTable}, so ids stay dense and in first-seen order however
 * sparse the combinations are. Chain it for more than two keys.
 */
public final class CompositeKeys {
    private final LongGroupTable table;

    public CompositeKeys() {
        this(16);
    }

    public CompositeKeys(int expectedGroups) {
        table = new LongGroupTable(expectedGroups);
    }

    public int groupCount() {
        return table.groupCount();
    }

    public int idOf(int g1, int g2) {
        return table.idOf(pair(g1, g2));
    }

    /** The first component of group {@code gid}. */
    public int first(int gid) {
        return (int) (table.key(gid) >>> 32);
    }

    /** The second component of group {@code gid}. */
    public int second(int gid) {
        return (int) table.key(gid);
    }

    /** Combined ids of rows; rows unselected or with a -1 component get -1. */
    public void groupIds(int[] g1, int[] g2, int rows, long[] sel, int[] outGid) {
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                outGid[i] = combine(g1[i], g2[i]);
            }
            return;
        }
        Arrays.fill(outGid, 0, rows, -1);
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                outGid[i] = combine(g1[i], g2[i]);
            }
        }
    }

    private int combine(int a, int b) {
        return (a | b) < 0 ? -1 : table.idOf(pair(a, b));
    }

    private static long pair(int g1, int g2) {
        return ((long) g1 << 32) | (g2 & 0xFFFFFFFFL);
    }
}
