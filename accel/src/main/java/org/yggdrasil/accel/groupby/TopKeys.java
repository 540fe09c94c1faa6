package org.yggdrasil.accel.groupby;

/**
 * Order-preserving long keys for top-n: doubles map to longs whose signed order is
 * PostgreSQL's order of float8 (-0.0 equals 0.0, NaN above +Infinity).
 */
public final class TopKeys {
    private TopKeys() {
    }

    public static long ofDouble(double d) {
        if (d != d) {
            return Long.MAX_VALUE;
        }
        long bits = Double.doubleToRawLongBits(d == 0.0 ? 0.0 : d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    public static double toDouble(long key) {
        if (key == Long.MAX_VALUE) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * Whether (key a, position pa) ranks before (key b, position pb): by key in the requested
     * direction, ties by earlier position, so results do not depend on arrival order.
     */
    static boolean before(long a, long pa, long b, long pb, boolean largest) {
        if (a != b) {
            return largest ? a > b : a < b;
        }
        return pa < pb;
    }
}
