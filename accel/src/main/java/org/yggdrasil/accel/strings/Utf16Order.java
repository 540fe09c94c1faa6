package org.yggdrasil.accel.strings;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Orders UTF-8 text in place as {@link String#compareTo} orders the decoded strings: by UTF-16
 * code units. That is byte order except where a character beyond U+FFFF (a surrogate pair,
 * D800-DBFF first) meets one in U+E000..U+FFFF at the first difference, which the code units
 * put the other way round; so the first differing character is decoded and compared as code
 * units.
 */
public final class Utf16Order {
    private Utf16Order() {
    }

    /** Negative, zero or positive as {@code a[aFrom, aTo)} sorts before, with or after {@code b[bFrom, bTo)}. */
    public static int compare(MemorySegment a, long aFrom, long aTo, MemorySegment b, long bFrom, long bTo) {
        long m = MemorySegment.mismatch(a, aFrom, aTo, b, bFrom, bTo);
        if (m < 0) {
            return 0;
        }
        if (aFrom + m == aTo) {
            return -1;
        }
        if (bFrom + m == bTo) {
            return 1;
        }
        int x = a.get(ValueLayout.JAVA_BYTE, aFrom + m) & 0xFF;
        int y = b.get(ValueLayout.JAVA_BYTE, bFrom + m) & 0xFF;
        if (x < 0xEE && y < 0xEE) {
            // neither is (inside) a character from U+E000 up: byte order is code unit order
            return Integer.compare(x, y);
        }
        // back to the first byte of the character the difference falls in (the same in both)
        long k = m;
        while (k > 0 && (a.get(ValueLayout.JAVA_BYTE, aFrom + k) & 0xC0) == 0x80) {
            k--;
        }
        int ca = codePoint(a, aFrom + k, aTo);
        int cb = codePoint(b, bFrom + k, bTo);
        int ua = firstCodeUnit(ca);
        int ub = firstCodeUnit(cb);
        return ua != ub ? Integer.compare(ua, ub) : Integer.compare(ca, cb);
    }

    private static int firstCodeUnit(int codePoint) {
        return codePoint < 0x10000 ? codePoint : Character.highSurrogate(codePoint);
    }

    private static int codePoint(MemorySegment s, long at, long end) {
        int b0 = s.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
        int n = b0 < 0x80 ? 0 : b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
        int c = n == 0 ? b0 : b0 & (0x3F >> n);
        for (int i = 1; i <= n && at + i < end; i++) {
            c = (c << 6) | (s.get(ValueLayout.JAVA_BYTE, at + i) & 0x3F);
        }
        return c;
    }
}
