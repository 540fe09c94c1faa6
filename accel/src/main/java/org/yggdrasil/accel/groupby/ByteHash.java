package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A fast 64-bit hash and equality over byte ranges of a {@link MemorySegment}, reading eight
 * bytes at a time. A tail shorter than eight bytes is read as one masked word when the segment
 * extends far enough, so short keys ('id001') cost one load.
 */
public final class ByteHash {
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;

    private ByteHash() {
    }

    public static long hash(byte[] key) {
        return hash(MemorySegment.ofArray(key), 0, key.length);
    }

    public static long hash(MemorySegment seg, long off, int len) {
        long h = K2 ^ (len * K1);
        long p = off;
        long end = off + len;
        while (end - p >= 8) {
            h = round(h, seg.get(Sel.LE_LONG, p));
            p += 8;
        }
        int rem = (int) (end - p);
        if (rem > 0) {
            h = round(h, tail(seg, p, rem));
        }
        return fmix(h);
    }

    /**
     * The hash of a key of at most 16 bytes given as its two little-endian words (zero-padded),
     * equal to {@link #hash(MemorySegment, long, int)} of the same bytes.
     */
    static long hashShort(long w0, long w1, int len) {
        long h = K2 ^ (len * K1);
        if (len > 0) {
            h = round(h, w0);
        }
        if (len > 8) {
            h = round(h, w1);
        }
        return fmix(h);
    }

    /** Up to 8 bytes at {@code p} as a zero-padded little-endian word. */
    static long word(MemorySegment seg, long p, int len) {
        if (len >= 8) {
            return seg.get(Sel.LE_LONG, p);
        }
        return len <= 0 ? 0 : tail(seg, p, len);
    }

    /** The {@code rem} (1..7) bytes at {@code p} as a little-endian word, zero-padded. */
    static long tail(MemorySegment seg, long p, int rem) {
        if (p + 8 <= seg.byteSize()) {
            return seg.get(Sel.LE_LONG, p) & ((1L << (rem << 3)) - 1);
        }
        return tailAtEnd(seg, p, rem);
    }

    /** The last bytes of a segment, one at a time (kept out of line so {@link #tail} inlines). */
    private static long tailAtEnd(MemorySegment seg, long p, int rem) {
        long w = 0;
        for (int i = 0; i < rem; i++) {
            w |= (seg.get(ValueLayout.JAVA_BYTE, p + i) & 0xFFL) << (i << 3);
        }
        return w;
    }

    private static long round(long h, long w) {
        h ^= w * K1;
        return Long.rotateLeft(h, 29) * K2;
    }

    static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** Whether {@code len} bytes at {@code ao} in {@code a} equal those at {@code bo} in {@code b}. */
    public static boolean equal(MemorySegment a, long ao, MemorySegment b, long bo, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if (a.get(Sel.LE_LONG, ao + i) != b.get(Sel.LE_LONG, bo + i)) {
                return false;
            }
        }
        int rem = len - i;
        return rem == 0 || tail(a, ao + i, rem) == tail(b, bo + i, rem);
    }
}
