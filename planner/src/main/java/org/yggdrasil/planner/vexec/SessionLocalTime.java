package org.yggdrasil.planner.vexec;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.TimeZone;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * timestamptz values (UTC microseconds) as the wall-clock time of the session's time zone, as
 * Calcite's row path casts them to timestamp: through milliseconds (sub-millisecond digits are
 * dropped, as there) and Calcite's own conversion. That conversion is costly per row, so it runs
 * once per stretch between the zone's offset transitions, and the rows of that stretch are
 * shifted by the same amount.
 */
final class SessionLocalTime {
  private SessionLocalTime() {}

  static void toLocal(long[] micros, int rows, TimeZone zone) {
    ZoneRules rules = zone.toZoneId().getRules();
    long from = 1;
    long until = 0; // [from, until) where shift applies; empty at first
    long shift = 0;
    for (int r = 0; r < rows; r++) {
      long millis = Math.floorDiv(micros[r], 1000L);
      if (millis < from || millis >= until) {
        try {
          Instant at = Instant.ofEpochMilli(millis);
          ZoneOffsetTransition before = rules.previousTransition(at.plusMillis(1));
          ZoneOffsetTransition after = rules.nextTransition(at);
          from = before == null ? Long.MIN_VALUE : before.toEpochSecond() * 1000L;
          until = after == null ? Long.MAX_VALUE : after.toEpochSecond() * 1000L;
          shift = SqlFunctions.timestampWithLocalTimeZoneToTimestamp(millis, zone) - millis;
        } catch (RuntimeException e) {
          // a NULL row's stored value out of any calendar's range: its key is never used
          from = 1;
          until = 0;
          shift = 0;
        }
      }
      micros[r] = (millis + shift) * 1000L;
    }
  }
}
