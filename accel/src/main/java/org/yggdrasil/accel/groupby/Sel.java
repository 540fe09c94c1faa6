package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Selection-bitmap and little-endian access helpers private to this package (unified later). */
final class Sel {
    static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort LE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble LE_DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Sel() {
    }

    static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    /** Word {@code w} of the selection restricted to rows below {@code rows}. */
    static long word(long[] sel, int w, int rows) {
        long bits = sel[w];
        int tail = rows - (w << 6);
        return tail >= 64 ? bits : bits & ((1L << tail) - 1);
    }

    /** The selection bits of rows {@code i .. i + lanes} (lanes divides 64); all when sel is null. */
    static long laneBits(long[] sel, int i, int lanes) {
        long laneMask = lanes == 64 ? -1L : (1L << lanes) - 1;
        if (sel == null) {
            return laneMask;
        }
        return (sel[i >>> 6] >>> (i & 63)) & laneMask;
    }

    static boolean selected(long[] sel, int row) {
        return sel == null || (sel[row >>> 6] & (1L << row)) != 0;
    }

    /** Reads a signed integer of {@code width} bytes (1, 2, 4, 8) at row {@code i}. */
    static long readInt(MemorySegment data, int width, long i) {
        return switch (width) {
            case 1 -> data.get(ValueLayout.JAVA_BYTE, i);
            case 2 -> data.get(LE_SHORT, i << 1);
            case 4 -> data.get(LE_INT, i << 2);
            case 8 -> data.get(LE_LONG, i << 3);
            default -> throw new IllegalArgumentException("integer width must be 1, 2, 4 or 8, not " + width);
        };
    }

    static void checkWidth(int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("integer width must be 1, 2, 4 or 8, not " + width);
        }
    }
}
