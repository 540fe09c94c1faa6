package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

/** Calendar truncation matches java.time's over five centuries either side of 1970. */
class ComputedKeysTest {
  @Test
  void periodStartsMatchJavaTime() {
    for (long day = -200_000; day <= 200_000; day += 7) {
      for (long d = day; d < day + 3; d++) {
        LocalDate t = LocalDate.ofEpochDay(d);
        assertEquals(t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay(),
            ComputedKeys.periodStart(d, ComputedKeys.Calendar.WEEK), t::toString);
        assertEquals(t.withDayOfMonth(1).toEpochDay(),
            ComputedKeys.periodStart(d, ComputedKeys.Calendar.MONTH), t::toString);
        assertEquals(t.withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1).toEpochDay(),
            ComputedKeys.periodStart(d, ComputedKeys.Calendar.QUARTER), t::toString);
        assertEquals(t.withDayOfYear(1).toEpochDay(),
            ComputedKeys.periodStart(d, ComputedKeys.Calendar.YEAR), t::toString);
        assertEquals(t.withDayOfYear(1).withYear(Math.floorDiv(t.getYear(), 10) * 10).toEpochDay(),
            ComputedKeys.periodStart(d, ComputedKeys.Calendar.DECADE), t::toString);
        assertEquals(t.withDayOfYear(1).withYear(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1)
            .toEpochDay(), ComputedKeys.periodStart(d, ComputedKeys.Calendar.CENTURY), t::toString);
      }
    }
  }

  @Test
  void truncatesTimestampsBeforeAndAfter1970() {
    long day = ComputedKeys.MICROS_PER_DAY;
    long[] v = {-1, 0, day + 5, 45 * day - 1, 45 * day};
    ComputedKeys.truncate(v, v.length, ComputedKeys.Calendar.MONTH);
    // 1969-12-31 23:59:59.999999 is in December 1969; day 44 is 1970-02-14, day 45 1970-02-15
    assertArrayEquals(new long[] {-31 * day, 0, 0, 31 * day, 31 * day}, v);
    long hour = 3_600_000_000L;
    long[] w = {-1, hour + 1, hour + 2, 2 * hour - 1, 2 * hour, hour + 7, -hour, Long.MAX_VALUE,
        Long.MAX_VALUE - 1, Long.MIN_VALUE};
    ComputedKeys.floorTo(w, w.length, hour);
    long top = Long.MAX_VALUE - Math.floorMod(Long.MAX_VALUE, hour);
    assertArrayEquals(new long[] {-hour, hour, hour, hour, 2 * hour, hour, -hour, top, top,
        Long.MIN_VALUE - Math.floorMod(Long.MIN_VALUE, hour)}, w);
  }
}
