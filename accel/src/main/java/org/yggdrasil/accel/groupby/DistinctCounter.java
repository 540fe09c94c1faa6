package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;

/**
 * COUNT(DISTINCT x) over a stream of chunks: a set of integer keys, of doubles (by value:
 * -0.0 equals 0.0 and all NaNs are one value, as in PostgreSQL) or of text. One counter
 * serves one column; partial counters from parallel workers {@link #merge}.
 */
public final class DistinctCounter {
    private LongGroupTable numbers;
    private BytesGroupTable texts;

    /** Integer column of {@code width} bytes (1, 2, 4, 8), signed little-endian. */
    public void addLongs(MemorySegment data, int width, int rows, long[] sel) {
        Sel.checkWidth(width);
        LongGroupTable t = numbers();
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                t.idOf(Sel.readInt(data, width, i));
            }
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                t.idOf(Sel.readInt(data, width, (w << 6) + Long.numberOfTrailingZeros(bits)));
                bits &= bits - 1;
            }
        }
    }

    public void addLong(long v) {
        numbers().idOf(v);
    }

    /** Little-endian float64 column. */
    public void addDoubles(MemorySegment data, int rows, long[] sel) {
        LongGroupTable t = numbers();
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                t.idOf(canonical(data.get(Sel.LE_DOUBLE, 8L * i)));
            }
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                t.idOf(canonical(data.get(Sel.LE_DOUBLE, 8L * i)));
            }
        }
    }

    public void addDouble(double v) {
        numbers().idOf(canonical(v));
    }

    /** Text column as offsets + UTF-8 data. */
    public void addText(MemorySegment offsets, MemorySegment data, int rows, long[] sel) {
        BytesGroupTable t = texts();
        if (sel == null) {
            int start = rows == 0 ? 0 : offsets.get(Sel.LE_INT, 0);
            for (int i = 0; i < rows; i++) {
                int end = offsets.get(Sel.LE_INT, 4L * (i + 1));
                t.idOf(data, start, end - start);
                start = end;
            }
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int start = offsets.get(Sel.LE_INT, 4L * i);
                t.idOf(data, start, offsets.get(Sel.LE_INT, 4L * i + 4) - start);
            }
        }
    }

    public void addText(byte[] value) {
        texts().idOf(value);
    }

    public long count() {
        return (numbers == null ? 0 : numbers.groupCount()) + (texts == null ? 0 : texts.groupCount());
    }

    /** Adds the values of {@code other} (a counter over the same column). */
    public void merge(DistinctCounter other) {
        if (other.numbers != null) {
            LongGroupTable t = numbers();
            for (int g = 0, n = other.numbers.groupCount(); g < n; g++) {
                t.idOf(other.numbers.key(g));
            }
        }
        if (other.texts != null) {
            BytesGroupTable t = texts();
            for (int g = 0, n = other.texts.groupCount(); g < n; g++) {
                t.idOf(other.texts.key(g));
            }
        }
    }

    private static long canonical(double v) {
        return LongGroupTable.doubleKey(v);
    }

    private LongGroupTable numbers() {
        if (numbers == null) {
            numbers = new LongGroupTable(1024);
        }
        return numbers;
    }

    private BytesGroupTable texts() {
        if (texts == null) {
            texts = new BytesGroupTable(1024);
        }
        return texts;
    }
}
