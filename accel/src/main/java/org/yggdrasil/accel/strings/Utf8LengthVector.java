package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector half of {@link Utf8Length}; loaded only when the Vector API is present. */
final class Utf8LengthVector {
    private static final VectorSpecies<Byte> S = ByteVector.SPECIES_PREFERRED;

    private Utf8LengthVector() {
    }

    /** Continuation bytes in [from, to): as signed bytes they are exactly those below -64. */
    static long continuations(MemorySegment data, long from, long to) {
        long n = 0;
        long p = from;
        int v = S.length();
        for (long last = to - 2L * v; p <= last; p += 2L * v) {
            ByteVector a = ByteVector.fromMemorySegment(S, data, p, ByteOrder.LITTLE_ENDIAN);
            ByteVector b = ByteVector.fromMemorySegment(S, data, p + v, ByteOrder.LITTLE_ENDIAN);
            n += a.compare(VectorOperators.LT, (byte) -64).trueCount()
                    + b.compare(VectorOperators.LT, (byte) -64).trueCount();
        }
        return n + Utf8Length.continuationsSwar(data, p, to);
    }
}
