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
        // ILIKE on ASCII data: (b | 0x20) == c finds c and its upper case when c is a letter
        byte foldFirst = scan.fold && isLowerLetter(literal[0]) ? (byte) 0x20 : 0;
        byte foldLast = scan.fold && isLowerLetter(literal[n - 1]) ? (byte) 0x20 : 0;
        long p = scan.start();
        long stop = scan.end() - (n - 1) - v;
        while (p <= stop) {
            ByteVector a = ByteVector.fromMemorySegment(S, data, p, ByteOrder.LITTLE_ENDIAN);
            ByteVector b = ByteVector.fromMemorySegment(S, data, p + n - 1, ByteOrder.LITTLE_ENDIAN);
            long hits = a.or(foldFirst).eq(first).and(b.or(foldLast).eq(last)).toLong();
            while (hits != 0) {
                scan.candidate(p + Long.numberOfTrailingZeros(hits));
                hits &= hits - 1;
            }
            p = Math.max(p + v, scan.resumeAt);
        }
        scan.scanScalar(p);
    }

    private static boolean isLowerLetter(byte b) {
        return b >= 'a' && b <= 'z';
    }

    /** Whether no byte of [from, to) has its high bit set. */
    static boolean isAscii(MemorySegment data, long from, long to) {
        int v = S.length();
        long p = from;
        ByteVector acc = ByteVector.zero(S);
        for (; to - p >= v; p += v) {
            acc = acc.or(ByteVector.fromMemorySegment(S, data, p, ByteOrder.LITTLE_ENDIAN));
        }
        return acc.compare(jdk.incubator.vector.VectorOperators.LT, (byte) 0).anyTrue() ? false
                : LikePattern.isAscii(data, p, to);
    }
}
