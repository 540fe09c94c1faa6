package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector half of {@link DenseKeys}: widen to int lanes, subtract the minimum, store. The
 * subtraction wraps in int arithmetic, which is exact whenever the true difference fits the
 * dense domain.
 */
final class DenseKeysVector {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    /** Int lanes matching one long vector: half its bit size. */
    private static final VectorSpecies<Integer> I_FOR_L =
            VectorSpecies.of(int.class, VectorShape.forBitSize(L.vectorBitSize() / 2));
    private static final VectorSpecies<Byte> B_FOR_I =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(I.vectorBitSize() / 4));
    private static final VectorSpecies<Short> S_FOR_I =
            VectorSpecies.of(short.class, VectorShape.forBitSize(I.vectorBitSize() / 2));

    private DenseKeysVector() {
    }

    static void groupIds(MemorySegment data, int width, long min, int rows, int[] out) {
        int i = 0;
        switch (width) {
            case 1 -> {
                int m = (int) min;
                for (int bound = I.loopBound(rows); i < bound; i += I.length()) {
                    ByteVector b = ByteVector.fromMemorySegment(B_FOR_I, data, i, ByteOrder.LITTLE_ENDIAN);
                    ((IntVector) b.convertShape(VectorOperators.B2I, I, 0)).sub(m).intoArray(out, i);
                }
            }
            case 2 -> {
                int m = (int) min;
                for (int bound = I.loopBound(rows); i < bound; i += I.length()) {
                    ShortVector s = ShortVector.fromMemorySegment(S_FOR_I, data, 2L * i, ByteOrder.LITTLE_ENDIAN);
                    ((IntVector) s.convertShape(VectorOperators.S2I, I, 0)).sub(m).intoArray(out, i);
                }
            }
            case 4 -> {
                int m = (int) min;
                for (int bound = I.loopBound(rows); i < bound; i += I.length()) {
                    IntVector.fromMemorySegment(I, data, 4L * i, ByteOrder.LITTLE_ENDIAN).sub(m).intoArray(out, i);
                }
            }
            default -> {
                for (int bound = L.loopBound(rows); i < bound; i += L.length()) {
                    LongVector v = LongVector.fromMemorySegment(L, data, 8L * i, ByteOrder.LITTLE_ENDIAN).sub(min);
                    ((IntVector) v.convertShape(VectorOperators.L2I, I_FOR_L, 0)).intoArray(out, i);
                }
            }
        }
        DenseKeys.scalar(data, width, min, i, rows, out);
    }

    static void combine(int[] g1, int[] g2, int card2, int rows, int[] out) {
        int i = 0;
        for (int bound = I.loopBound(rows); i < bound; i += I.length()) {
            IntVector a = IntVector.fromArray(I, g1, i);
            IntVector b = IntVector.fromArray(I, g2, i);
            IntVector ids = a.mul(card2).add(b);
            // a negative component marks an unselected row
            ids.blend(-1, a.or(b).compare(VectorOperators.LT, 0)).intoArray(out, i);
        }
        DenseKeys.combineScalar(g1, g2, card2, i, rows, out);
    }

    static void pack(long[] keys, int[] ids, int shift, int rows) {
        int i = 0;
        for (int bound = L.loopBound(rows); i < bound; i += L.length()) {
            LongVector v = (LongVector) IntVector.fromArray(I_FOR_L, ids, i).convertShape(VectorOperators.I2L, L, 0);
            LongVector.fromArray(L, keys, i).or(v.lanewise(VectorOperators.LSHL, shift)).intoArray(keys, i);
        }
        DenseKeys.packScalar(keys, ids, shift, i, rows);
    }
}
