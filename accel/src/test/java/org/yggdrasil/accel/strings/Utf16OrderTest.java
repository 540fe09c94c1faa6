package org.yggdrasil.accel.strings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf16OrderTest {
    private static final String[] PIECES = {"", "a", "b", "z", "é", "ß", "€", "\uE000", "\uFFFD", "\uFF21",
        "😀", "😁", "𝄞", "\uD83E\uDD80", "中", "aa", "a\u0000"};

    private static int compare(String x, String y) {
        byte[] a = x.getBytes(StandardCharsets.UTF_8);
        byte[] b = y.getBytes(StandardCharsets.UTF_8);
        // offset into larger segments, as rows sit inside a chunk's data
        byte[] pa = new byte[a.length + 3];
        byte[] pb = new byte[b.length + 5];
        System.arraycopy(a, 0, pa, 3, a.length);
        System.arraycopy(b, 0, pb, 5, b.length);
        return Utf16Order.compare(MemorySegment.ofArray(pa), 3, 3 + a.length,
            MemorySegment.ofArray(pb), 5, 5 + b.length);
    }

    @Test
    void ordersAsStringCompareToDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String x = random(random);
            String y = random.nextInt(4) == 0 ? x + random(random) : random(random);
            assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(compare(x, y)), x + " vs " + y);
            assertEquals(Integer.signum(y.compareTo(x)), Integer.signum(compare(y, x)), y + " vs " + x);
        }
    }

    @Test
    void charactersBeyondTheBasicPlaneSortBeforePrivateUseAsInUtf16() {
        // U+1F600 is greater than U+E000 as a code point (and in UTF-8 bytes), less as UTF-16 units
        assertEquals(-1, Integer.signum(compare("x😀", "x\uE000")));
        assertEquals(1, Integer.signum(compare("x\uFFFD", "x😀y")));
        assertEquals(-1, Integer.signum(compare("😀", "😁")));
        assertEquals(0, compare("é😀", "é😀"));
        assertEquals(-1, Integer.signum(compare("ab", "abc")));
    }

    private static String random(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
