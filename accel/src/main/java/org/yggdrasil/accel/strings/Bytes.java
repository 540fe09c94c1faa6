package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Little-endian access and selection-bitmap helpers private to this package (unified later). */
final class Bytes {
    static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    static int offset(MemorySegment offsets, int row) {
        return offsets.get(LE_INT, 4L * row);
    }

    static byte at(MemorySegment data, long p) {
        return data.get(ValueLayout.JAVA_BYTE, p);
    }

    static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    static long word(long[] sel, int w, int rows) {
        long bits = sel[w];
        int tail = rows - (w << 6);
        return tail >= 64 ? bits : bits & ((1L << tail) - 1);
    }

    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
