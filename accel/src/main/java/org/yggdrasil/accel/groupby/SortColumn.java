package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.yggdrasil.accel.kernels.Lane;

/**
 * One ORDER BY key of a chunk for {@link TopRows}: a fixed-width little-endian column and its
 * validity bitmap (bit set = not NULL, LSB first), or null validity when no row is NULL.
 * Integers order as signed values, FLOAT and DOUBLE as PostgreSQL orders float8
 * ({@link TopKeys#ofDouble}).
 */
public record SortColumn(MemorySegment data, Lane lane, MemorySegment validity) {

    /** The order-preserving long key of row {@code i} (its value must not be NULL). */
    long key(int i) {
        return switch (lane) {
            case FLOAT -> TopKeys.ofDouble(data.get(Sel.LE_FLOAT, 4L * i));
            case DOUBLE -> TopKeys.ofDouble(data.get(Sel.LE_DOUBLE, 8L * i));
            default -> Sel.readInt(data, lane.byteSize(), i);
        };
    }

    boolean isNull(int i) {
        return validity != null && (validity.get(ValueLayout.JAVA_BYTE, i >>> 3) & (1 << (i & 7))) == 0;
    }
}
