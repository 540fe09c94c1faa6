package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Open-addressing hash table from a {@code long} key to a dense group id (0..n-1, first-seen
 * order). Linear probing over a power-of-two capacity that doubles as it fills; up to tens of
 * millions of groups. A slot is two adjacent longs, the key and its id plus one, so a probe
 * touches one cache line however large the table (with keys and ids in separate arrays, a
 * lookup in a table far beyond the cache missed twice). Sentinel-free: a slot is empty when its
 * id word is 0, so every key value, including 0 and {@code Long.MIN_VALUE}, is an ordinary key.
 *
 * <p>Row-wise methods write -1 as the id of rows outside the selection.
 *
 * <p>Not thread-safe: one table per worker; {@link #absorb} merges a worker's table.
 */
public final class LongGroupTable {
    /** Above this capacity the table fills to 3/4 instead of 1/2, to keep 10M groups near 200 MB. */
    private static final int DENSE_FILL_FROM = 1 << 23;
    /** Two longs a slot: a Java array holds at most 2^31 - 1 elements. */
    private static final int MAX_CAPACITY = 1 << 29;

    /** slots[2s] is the key of slot s, slots[2s + 1] its group id plus one (0 = empty). */
    private long[] slots;
    private int capacity;
    private int mask;
    private int growAt;
    private long[] keys;
    private int count;
    /** Id of the NULL group, or -1 while there is none. */
    private int nullGid = -1;

    public LongGroupTable() {
        this(16);
    }

    public LongGroupTable(int expectedGroups) {
        int cap = 16;
        while (cap < MAX_CAPACITY && limitFor(cap) < expectedGroups) {
            cap <<= 1;
        }
        allocate(cap);
        keys = new long[Math.max(16, Math.min(expectedGroups, 1 << 20))];
    }

    public int groupCount() {
        return count;
    }

    public long key(int gid) {
        if (gid < 0 || gid >= count) {
            throw new IndexOutOfBoundsException("group " + gid + " of " + count);
        }
        return keys[gid];
    }

    /** The keys in group-id order (a copy). */
    public long[] keys() {
        return Arrays.copyOf(keys, count);
    }

    /**
     * The id of the NULL group, created on first use. SQL groups all NULLs together, apart from
     * every value; the group is not in the hash table, so no key value can collide with it.
     */
    public int nullGroupId() {
        if (nullGid < 0) {
            nullGid = newGroup(0L);
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

    /** The group id of {@code key}, inserting it as a new group when absent. */
    public int idOf(long key) {
        long[] s = slots;
        int slot = slot(key);
        while (true) {
            long id = s[2 * slot + 1];
            if (id == 0) {
                return insert(slot, key);
            }
            if (s[2 * slot] == key) {
                return (int) id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Makes room for {@code groups} groups in all without growing on the way, when an estimate
     * says that many are coming: one allocation instead of a rehash at every doubling.
     */
    public void reserve(int groups) {
        if (groups <= growAt || capacity >= MAX_CAPACITY) {
            return;
        }
        int cap = capacity;
        while (cap < MAX_CAPACITY && limitFor(cap) < groups) {
            cap <<= 1;
        }
        rehash(cap);
        if (keys.length < groups) {
            keys = Arrays.copyOf(keys, groups);
        }
    }

    /** The group id of {@code key}, or -1 when it has none (does not insert). */
    public int find(long key) {
        int slot = slot(key);
        while (true) {
            long id = slots[2 * slot + 1];
            if (id == 0) {
                return -1;
            }
            if (slots[2 * slot] == key) {
                return (int) id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Adds the groups of {@code other} (a partial table of a parallel worker) and returns, for
     * each of its group ids, the id here: {@code mapping[otherGid] = gid}.
     */
    public int[] absorb(LongGroupTable other) {
        int[] mapping = new int[other.count];
        for (int g = 0; g < other.count; g++) {
            mapping[g] = g == other.nullGid ? nullGroupId() : idOf(other.keys[g]);
        }
        return mapping;
    }

    /** Group ids of {@code keys[0..rows)}; unselected rows get -1. */
    public void groupIds(long[] keys, int rows, long[] sel, int[] outGid) {
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                outGid[i] = idOf(keys[i]);
            }
            return;
        }
        Arrays.fill(outGid, 0, rows, -1);
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                outGid[i] = idOf(keys[i]);
            }
        }
    }

    /** Group ids of a little-endian signed integer column of {@code width} bytes (1, 2, 4, 8). */
    public void groupIds(MemorySegment data, int width, int rows, long[] sel, int[] outGid) {
        Sel.checkWidth(width);
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                outGid[i] = idOf(Sel.readInt(data, width, i));
            }
            return;
        }
        Arrays.fill(outGid, 0, rows, -1);
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                outGid[i] = idOf(Sel.readInt(data, width, i));
            }
        }
    }

    private int newGroup(long key) {
        if (count == Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many groups");
        }
        int gid = count++;
        if (gid == keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, keys.length * 2L));
        }
        keys[gid] = key;
        return gid;
    }

    /**
     * Group ids of a little-endian float64 column by value, as SQL groups floats: -0.0 and 0.0
     * are one group, every NaN is one group. {@link #key} gives {@link #doubleKey} bits.
     */
    public void groupIdsOfDoubles(MemorySegment data, int rows, long[] sel, int[] outGid) {
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                outGid[i] = idOf(doubleKey(data.get(Sel.LE_DOUBLE, 8L * i)));
            }
            return;
        }
        Arrays.fill(outGid, 0, rows, -1);
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                outGid[i] = idOf(doubleKey(data.get(Sel.LE_DOUBLE, 8L * i)));
            }
        }
    }

    /** The key of a double compared by value: 0.0 for both zeros, one bit pattern for all NaNs. */
    public static long doubleKey(double v) {
        return v == 0.0 ? 0L : Double.doubleToLongBits(v);
    }

    private int insert(int slot, long key) {
        int gid = newGroup(key);
        slots[2 * slot] = key;
        slots[2 * slot + 1] = gid + 1;
        if (count > growAt) {
            grow();
        }
        return gid;
    }

    private void grow() {
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("group table full at " + count + " groups");
        }
        rehash(capacity << 1);
    }

    private void rehash(int cap) {
        allocate(cap);
        long[] s = slots;
        for (int gid = 0; gid < count; gid++) {
            if (gid == nullGid) {
                continue;
            }
            long key = keys[gid];
            int slot = slot(key);
            while (s[2 * slot + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            s[2 * slot] = key;
            s[2 * slot + 1] = gid + 1;
        }
    }

    private void allocate(int cap) {
        slots = new long[2 * cap];
        capacity = cap;
        mask = cap - 1;
        growAt = limitFor(cap);
    }

    private static int limitFor(int cap) {
        return cap >= DENSE_FILL_FROM ? cap - (cap >>> 2) : cap >>> 1;
    }

    private int slot(long key) {
        return (int) hash(key) & mask;
    }

    static long hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }
}
