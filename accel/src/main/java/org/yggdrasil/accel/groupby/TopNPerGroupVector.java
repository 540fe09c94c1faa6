package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector half of {@link TopNPerGroup#addDoubles}: a lane's sort key is compared with its group's
 * bar (gathered by group id), and only lanes that reach it are offered one by one. Once the
 * groups are full, almost every row of a large scan stops at the comparison.
 */
final class TopNPerGroupVector {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D =
            VectorSpecies.of(double.class, VectorShape.forBitSize(L.vectorBitSize()));
    private static final VectorSpecies<Integer> I_FOR_L =
            VectorSpecies.of(int.class, VectorShape.forBitSize(L.vectorBitSize() / 2));

    private TopNPerGroupVector() {
    }

    static void addDoubles(TopNPerGroup top, int[] gid, MemorySegment data, int rows, long[] sel, long first) {
        boolean largest = top.largest();
        int lanes = L.length();
        int[] index = new int[lanes];
        int i = 0;
        for (int bound = L.loopBound(rows); i < bound; i += lanes) {
            VectorMask<Long> live = VectorMask.fromLong(L, Sel.laneBits(sel, i, lanes));
            if (!live.anyTrue()) {
                continue;
            }
            IntVector g = IntVector.fromArray(I_FOR_L, gid, i);
            live = live.and(g.compare(VectorOperators.GE, 0).cast(L));
            // the gather checks every lane's index, masked or not: -1 (no group) reads group 0
            g.max(0).intoArray(index, 0);
            DoubleVector v = DoubleVector.fromMemorySegment(D, data, 8L * i, ByteOrder.LITTLE_ENDIAN);
            LongVector keys = TopKeysVector.ofDouble(v);
            // a bar only rises as lanes are offered: a lane let through by an older bar is
            // still checked exactly by offer
            LongVector bars = LongVector.fromArray(L, top.bar(), 0, index, 0);
            // one call per direction: the operator must be a constant for the JIT to vectorize
            VectorMask<Long> reach = (largest ? keys.compare(VectorOperators.GE, bars)
                    : keys.compare(VectorOperators.LE, bars)).and(live);
            long bits = reach.toLong();
            while (bits != 0) {
                int lane = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                top.offer(gid[i + lane], keys.lane(lane), first + i + lane);
            }
        }
        for (; i < rows; i++) {
            if (Sel.selected(sel, i)) {
                top.offer(gid[i], TopKeys.ofDouble(data.get(Sel.LE_DOUBLE, 8L * i)), first + i);
            }
        }
    }
}
