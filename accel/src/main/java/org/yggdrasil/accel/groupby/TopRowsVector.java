package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector half of {@link TopRows#addValued} for a LONG or DOUBLE first key: a vector of first keys
 * is compared with the heap's bar at once, and only lanes that reach it are offered one by one.
 * Once the heap is full, almost every row of a large scan stops at the comparison.
 */
final class TopRowsVector {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D =
            VectorSpecies.of(double.class, VectorShape.forBitSize(L.vectorBitSize()));

    private TopRowsVector() {
    }

    static void addValued(TopRows top, SortColumn[] cols, boolean doubles, int rows, long[] valued, long first) {
        MemorySegment data = cols[0].data();
        int lanes = L.length();
        boolean desc = top.descending0();
        int i = 0;
        for (int bound = L.loopBound(rows); i < bound; i += lanes) {
            long live = Sel.laneBits(valued, i, lanes);
            if (live == 0) {
                continue;
            }
            if (top.closed()) {
                return;
            }
            LongVector keys = doubles
                    ? TopKeysVector.ofDouble(DoubleVector.fromMemorySegment(D, data, 8L * i, ByteOrder.LITTLE_ENDIAN))
                    : LongVector.fromMemorySegment(L, data, 8L * i, ByteOrder.LITTLE_ENDIAN);
            // the comparison's operator must be a constant at each call for the JIT to emit a
            // vector instruction: one call per direction, never `desc ? GE : LE`
            long reach = top.open() ? live
                    : (desc ? keys.compare(VectorOperators.GE, top.barRaw())
                            : keys.compare(VectorOperators.LE, top.barRaw())).toLong() & live;
            // the bar only tightens as lanes are offered: a lane let through by an older bar is
            // still checked exactly by the heap
            while (reach != 0) {
                int lane = Long.numberOfTrailingZeros(reach);
                reach &= reach - 1;
                if (top.passes(keys.lane(lane))) {
                    top.offerRow(cols, i + lane, keys.lane(lane), first + i + lane);
                }
            }
        }
        SortColumn k0 = cols[0];
        for (; i < rows; i++) {
            if (Sel.selected(valued, i)) {
                long raw = k0.key(i);
                if (top.passes(raw)) {
                    top.offerRow(cols, i, raw, first + i);
                }
            }
        }
    }
}
