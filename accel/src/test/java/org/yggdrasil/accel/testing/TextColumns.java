package org.yggdrasil.accel.testing;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Test data in the chunk layout: text columns (offsets + data), fixed-width columns, selections. */
public final class TextColumns {
    public static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfShort LE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfDouble LE_DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Row counts that hit vector tails and chunk edges. */
    public static final int[] AWKWARD_ROWS = {0, 1, 63, 64, 65, 1000, 65536};

    private TextColumns() {
    }

    public record Text(MemorySegment offsets, MemorySegment data, int rows) {
    }

    public static Text text(List<String> values) {
        byte[][] b = new byte[values.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return text(b, 0);
    }

    /**
     * A text column; {@code lead} junk bytes precede the first value (offsets need not start at
     * 0) and the data segment ends exactly at the last value (no slack to read past).
     */
    public static Text text(byte[][] values, int lead) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lead; i++) {
            out.write('#');
        }
        MemorySegment offsets = Arena.ofAuto().allocate(4L * (values.length + 1), 1);
        int pos = lead;
        for (int i = 0; i < values.length; i++) {
            offsets.set(LE_INT, 4L * i, pos);
            out.writeBytes(values[i]);
            pos += values[i].length;
        }
        offsets.set(LE_INT, 4L * values.length, pos);
        byte[] all = out.toByteArray();
        MemorySegment data = Arena.ofAuto().allocate(Math.max(1, all.length), 1).asSlice(0, all.length);
        MemorySegment.copy(MemorySegment.ofArray(all), 0, data, 0, all.length);
        return new Text(offsets, data, values.length);
    }

    public static MemorySegment ints(long[] values, int width) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, (long) values.length * width), 8);
        for (int i = 0; i < values.length; i++) {
            switch (width) {
                case 1 -> s.set(ValueLayout.JAVA_BYTE, i, (byte) values[i]);
                case 2 -> s.set(LE_SHORT, 2L * i, (short) values[i]);
                case 4 -> s.set(LE_INT, 4L * i, (int) values[i]);
                case 8 -> s.set(LE_LONG, 8L * i, values[i]);
                default -> throw new IllegalArgumentException();
            }
        }
        return s;
    }

    public static MemorySegment doubles(double[] values) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, 8L * values.length), 8);
        for (int i = 0; i < values.length; i++) {
            s.set(LE_DOUBLE, 8L * i, values[i]);
        }
        return s;
    }

    /** Selections to test every kernel with: null (all), empty, all bits set, random density. */
    public static long[][] selections(int rows, SplittableRandom r) {
        int words = (rows + 63) >>> 6;
        long[] none = new long[words];
        long[] all = new long[words];
        java.util.Arrays.fill(all, -1L);
        long[] random = new long[words];
        long[] sparse = new long[words];
        for (int w = 0; w < words; w++) {
            random[w] = r.nextLong();
            sparse[w] = r.nextLong() & r.nextLong() & r.nextLong();
        }
        return new long[][] {null, none, all, random, sparse};
    }

    public static boolean selected(long[] sel, int row) {
        return sel == null || (sel[row >>> 6] & (1L << row)) != 0;
    }

    /** A random string mixing ASCII, 2-, 3- and 4-byte UTF-8 characters. */
    public static String randomText(SplittableRandom r, int maxChars) {
        String[] pieces = {"a", "b", "G", "o", "%", "_", "\\", "é", "É", "日本", "😀", "x", "Z", " "};
        int n = r.nextInt(maxChars + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }
}
