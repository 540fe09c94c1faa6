package org.yggdrasil.accel.groupby;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link TopKeys} lane-wise, for the vector top-n kernels (loaded only when {@link Simd} is). */
final class TopKeysVector {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    private TopKeysVector() {
    }

    /** {@link TopKeys#ofDouble} lane-wise: -0.0 as 0.0, every NaN greatest. */
    static LongVector ofDouble(DoubleVector v) {
        LongVector bits = v.reinterpretAsLongs();
        bits = bits.blend(0L, v.compare(VectorOperators.EQ, 0.0).cast(L));
        LongVector keys = bits.lanewise(VectorOperators.XOR,
                bits.lanewise(VectorOperators.ASHR, 63).and(Long.MAX_VALUE));
        return keys.blend(Long.MAX_VALUE, v.test(VectorOperators.IS_NAN).cast(L));
    }
}
