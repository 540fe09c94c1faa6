package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Open-addressing hash table from a byte-string key (UTF-8 text) to a dense group id (0..n-1,
 * first-seen order). Keys are copied into one growing byte arena.
 *
 * <p>Each slot is one long: a 24-bit tag from the hash, the key length (255 = longer) and the
 * group id + 1 (0 = empty). A probe reads one word; keys of up to 16 bytes are then confirmed
 * against two words kept side by side per group, so a hit costs two memory accesses however
 * many groups there are. Longer keys are compared in the arena.
 *
 * <p>Row-wise methods take a text column as {@code offsets} (rows + 1 little-endian int32)
 * plus {@code data}, and write -1 as the id of rows outside the selection.
 *
 * <p>Not thread-safe: one table per worker; {@link #absorb} merges a worker's table.
 */
public final class BytesGroupTable {
    private static final int MAX_CAPACITY = 1 << 30;
    private static final int SHORT = 16;

    private long[] slots;
    private int mask;
    private int growAt;

    private byte[] arena = new byte[1024];
    private MemorySegment arenaSeg = MemorySegment.ofArray(arena);
    private long arenaUsed;
    private long[] keyStart = new long[16];
    private int[] keyLen = new int[16];
    /** Full hash per group, for rehashing on growth. */
    private long[] keyHash = new long[16];
    /** Keys of up to 16 bytes as two zero-padded words: {@code shortKeys[2g], shortKeys[2g + 1]}. */
    private long[] shortKeys = new long[32];
    private int count;
    /** Id of the NULL group, or -1 while there is none. */
    private int nullGid = -1;

    public BytesGroupTable() {
        this(16);
    }

    public BytesGroupTable(int expectedGroups) {
        int cap = 16;
        while (cap < MAX_CAPACITY && (cap >>> 1) < expectedGroups) {
            cap <<= 1;
        }
        allocate(cap);
    }

    public int groupCount() {
        return count;
    }

    public byte[] key(int gid) {
        if (gid < 0 || gid >= count) {
            throw new IndexOutOfBoundsException("group " + gid + " of " + count);
        }
        int start = (int) keyStart[gid];
        return Arrays.copyOfRange(arena, start, start + keyLen[gid]);
    }

    /**
     * The id of the NULL group, created on first use. SQL groups all NULLs together, apart from
     * every value; the group is not in the hash table, so no key value can collide with it.
     */
    public int nullGroupId() {
        if (nullGid < 0) {
            nullGid = newGroup(0L, MemorySegment.ofArray(new byte[0]), 0, 0);
        }
        return nullGid;
    }

    /** Whether {@code gid} is the NULL group (its {@link #key} is meaningless). */
    public boolean isNull(int gid) {
        return gid >= 0 && gid == nullGid;
    }

    /** Gives the rows that are selected (null = all) and NULL (bit set in {@code nulls}) the NULL group id. */
    public void assignNulls(long[] nulls, int rows, long[] sel, int[] outGid) {
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(nulls, w, rows) & (sel == null ? -1L : sel[w]);
            while (bits != 0) {
                outGid[(w << 6) + Long.numberOfTrailingZeros(bits)] = nullGroupId();
                bits &= bits - 1;
            }
        }
    }

    public int idOf(byte[] key) {
        return idOf(MemorySegment.ofArray(key), 0, key.length);
    }

    /** The group id of the {@code len} bytes at {@code off} in {@code seg}, inserting when absent. */
    public int idOf(MemorySegment seg, long off, int len) {
        if (len <= SHORT) {
            return idOfShort(seg, off, len);
        }
        long h = ByteHash.hash(seg, off, len);
        long want = tagged(h, len);
        int slot = (int) h & mask;
        while (true) {
            long s = slots[slot];
            if (s == 0) {
                return insert(slot, h, seg, off, len);
            }
            if ((s & ~0xFFFFFFFFL) == want) {
                int gid = (int) s - 1;
                if (keyLen[gid] == len && ByteHash.equal(seg, off, arenaSeg, keyStart[gid], len)) {
                    return gid;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int idOfShort(MemorySegment seg, long off, int len) {
        return idOfWords(ByteHash.word(seg, off, len), ByteHash.word(seg, off + 8, len - 8), len, seg, off);
    }

    /** Probe for a short key given as words; kept free of segment access so the JIT inlines it. */
    private int idOfWords(long w0, long w1, int len, MemorySegment seg, long off) {
        long h = ByteHash.hashShort(w0, w1, len);
        long want = tagged(h, len);
        int slot = (int) h & mask;
        while (true) {
            long s = slots[slot];
            if (s == 0) {
                return insertShort(slot, h, seg, off, len, w0, w1);
            }
            if ((s & ~0xFFFFFFFFL) == want) {
                int gid = (int) s - 1;
                if (shortKeys[2 * gid] == w0 && shortKeys[2 * gid + 1] == w1) {
                    return gid;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insertShort(int slot, long h, MemorySegment seg, long off, int len, long w0, long w1) {
        int gid = insert(slot, h, seg, off, len);
        shortKeys[2 * gid] = w0;
        shortKeys[2 * gid + 1] = w1;
        return gid;
    }

    /** The upper half of a slot word: 24 tag bits from the top of the hash and the length byte. */
    private static long tagged(long h, int len) {
        return (h & 0xFFFFFF0000000000L) | ((long) Math.min(len, 255) << 32);
    }

    /** The group id of {@code key}, or -1 when it has none (does not insert). */
    public int find(byte[] key) {
        MemorySegment seg = MemorySegment.ofArray(key);
        long h = ByteHash.hash(seg, 0, key.length);
        long want = tagged(h, key.length);
        int slot = (int) h & mask;
        while (true) {
            long s = slots[slot];
            if (s == 0) {
                return -1;
            }
            int gid = (int) s - 1;
            if ((s & ~0xFFFFFFFFL) == want && keyLen[gid] == key.length
                    && ByteHash.equal(seg, 0, arenaSeg, keyStart[gid], key.length)) {
                return gid;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Adds the groups of {@code other} (a partial table of a parallel worker) and returns, for
     * each of its group ids, the id here: {@code mapping[otherGid] = gid}.
     */
    public int[] absorb(BytesGroupTable other) {
        int[] mapping = new int[other.count];
        for (int g = 0; g < other.count; g++) {
            mapping[g] = g == other.nullGid ? nullGroupId() : idOf(other.arenaSeg, other.keyStart[g], other.keyLen[g]);
        }
        return mapping;
    }

    /** Group ids of the rows of a text column; unselected rows get -1. */
    public void groupIds(MemorySegment offsets, MemorySegment data, int rows, long[] sel, int[] outGid) {
        if (sel == null) {
            int start = offsets.get(Sel.LE_INT, 0);
            for (int i = 0; i < rows; i++) {
                int end = offsets.get(Sel.LE_INT, 4L * (i + 1));
                int len = end - start;
                // the short-key probe written out here so the JIT compiles it into this loop
                outGid[i] = len <= SHORT
                        ? idOfWords(ByteHash.word(data, start, len), ByteHash.word(data, start + 8L, len - 8), len, data, start)
                        : idOf(data, start, len);
                start = end;
            }
            return;
        }
        Arrays.fill(outGid, 0, rows, -1);
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int start = offsets.get(Sel.LE_INT, 4L * i);
                int end = offsets.get(Sel.LE_INT, 4L * i + 4);
                outGid[i] = idOf(data, start, end - start);
            }
        }
    }

    /**
     * Group ids of all rows, giving up as soon as the table would hold more than
     * {@code maxGroups} groups: returns false then (the ids written so far are meaningless).
     */
    boolean groupIdsAtMost(MemorySegment offsets, MemorySegment data, int rows, int[] outGid, int maxGroups) {
        int start = rows == 0 ? 0 : offsets.get(Sel.LE_INT, 0);
        for (int i = 0; i < rows; i++) {
            int end = offsets.get(Sel.LE_INT, 4L * (i + 1));
            int len = end - start;
            int gid = len <= SHORT
                    ? idOfWords(ByteHash.word(data, start, len), ByteHash.word(data, start + 8L, len - 8), len, data, start)
                    : idOf(data, start, len);
            if (gid >= maxGroups) {
                return false;
            }
            outGid[i] = gid;
            start = end;
        }
        return true;
    }

    /**
     * Group ids of the rows of a chunk already dictionary-encoded: each distinct value is looked
     * up once, the rows map through their codes. Values no selected row uses create no group.
     */
    public void groupIds(ChunkDictionary dict, int rows, long[] sel, int[] outGid) {
        int[] codes = dict.codes();
        byte[][] values = dict.values();
        int[] map = new int[values.length];
        Arrays.fill(map, -1);
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                int c = codes[i];
                int g = map[c];
                if (g < 0) {
                    g = map[c] = idOf(values[c]);
                }
                outGid[i] = g;
            }
            return;
        }
        Arrays.fill(outGid, 0, rows, -1);
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int c = codes[i];
                int g = map[c];
                if (g < 0) {
                    g = map[c] = idOf(values[c]);
                }
                outGid[i] = g;
            }
        }
    }

    private int insert(int slot, long h, MemorySegment seg, long off, int len) {
        int gid = newGroup(h, seg, off, len);
        slots[slot] = tagged(h, len) | (gid + 1L);
        if (count > growAt) {
            grow();
        }
        return gid;
    }

    private int newGroup(long h, MemorySegment seg, long off, int len) {
        int gid = count++;
        if (gid == keyLen.length) {
            int n = (int) Math.min(Integer.MAX_VALUE / 2 - 8, gid * 2L);
            keyStart = Arrays.copyOf(keyStart, n);
            keyLen = Arrays.copyOf(keyLen, n);
            keyHash = Arrays.copyOf(keyHash, n);
            shortKeys = Arrays.copyOf(shortKeys, 2 * n);
        }
        if (arenaUsed + len > arena.length) {
            long want = Math.max(arenaUsed + len, arena.length * 2L);
            if (want > Integer.MAX_VALUE - 8) {
                want = arenaUsed + len;
                if (want > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("group keys exceed 2 GB");
                }
            }
            arena = Arrays.copyOf(arena, (int) want);
            arenaSeg = MemorySegment.ofArray(arena);
        }
        MemorySegment.copy(seg, off, arenaSeg, arenaUsed, len);
        keyStart[gid] = arenaUsed;
        keyLen[gid] = len;
        keyHash[gid] = h;
        arenaUsed += len;
        return gid;
    }

    private void grow() {
        if (slots.length >= MAX_CAPACITY) {
            throw new IllegalStateException("group table full at " + count + " groups");
        }
        allocate(slots.length << 1);
        for (int gid = 0; gid < count; gid++) {
            if (gid == nullGid) {
                continue;
            }
            long h = keyHash[gid];
            int slot = (int) h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = tagged(h, keyLen[gid]) | (gid + 1L);
        }
    }

    private void allocate(int cap) {
        slots = new long[cap];
        mask = cap - 1;
        growAt = cap >= (1 << 23) ? cap - (cap >>> 2) : cap >>> 1;
    }
}
