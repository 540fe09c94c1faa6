package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector search for {@link ContainsScan}: compares a block of positions against the literal's
 * first byte and, shifted by its length - 1, against its last byte; only positions where both
 * match are verified (for letters about 1 in 700 positions).
 */
final class ContainsVector {
    private static final VectorSpecies<Byte> S = ByteVector.SPECIES_PREFERRED;

    private ContainsVector() {
    }

    static void scan(ContainsScan scan, MemorySegment data, byte[] literal) {
        int n = literal.length;
        int v = S.length();
        ByteVector first = ByteVector.broadcast(S, literal[0]);
        ByteVector last = ByteVector.broadcast(S, literal[n - 1]);
        long p = scan.start();
        long stop = scan.end() - (n - 1) - v;
        while (p <= stop) {
            ByteVector a = ByteVector.fromMemorySegment(S, data, p, ByteOrder.LITTLE_ENDIAN);
            ByteVector b = ByteVector.fromMemorySegment(S, data, p + n - 1, ByteOrder.LITTLE_ENDIAN);
            long hits = a.eq(first).and(b.eq(last)).toLong();
            while (hits != 0) {
                scan.candidate(p + Long.numberOfTrailingZeros(hits));
                hits &= hits - 1;
            }
            p = Math.max(p + v, scan.resumeAt);
        }
        scan.scanScalar(p);
    }
}
