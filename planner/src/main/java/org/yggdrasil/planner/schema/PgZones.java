package org.yggdrasil.planner.schema;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * PostgreSQL's time zone names: IANA regions (case-insensitive), the abbreviations of its
 * default abbreviation set, and offsets. PostgreSQL reads a bare offset two ways: {@code SET
 * TimeZone = '+02'} is a number of hours east of Greenwich, but {@code AT TIME ZONE '+02'} is a
 * POSIX zone, two hours <em>west</em>; {@link #forSetting} and {@link #forName} follow that.
 */
public final class PgZones {
  private static final Map<String, String> REGIONS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private static final Map<String, ZoneOffset> ABBREVIATIONS = Map.ofEntries(
      Map.entry("utc", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC),
      Map.entry("ut", ZoneOffset.UTC), Map.entry("z", ZoneOffset.UTC),
      Map.entry("zulu", ZoneOffset.UTC),
      Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
      Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
      Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
      Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)),
      Map.entry("akst", ZoneOffset.ofHours(-9)), Map.entry("akdt", ZoneOffset.ofHours(-8)),
      Map.entry("hst", ZoneOffset.ofHours(-10)),
      Map.entry("wet", ZoneOffset.UTC), Map.entry("west", ZoneOffset.ofHours(1)),
      Map.entry("bst", ZoneOffset.ofHours(1)),
      Map.entry("cet", ZoneOffset.ofHours(1)), Map.entry("cest", ZoneOffset.ofHours(2)),
      Map.entry("met", ZoneOffset.ofHours(1)), Map.entry("mest", ZoneOffset.ofHours(2)),
      Map.entry("eet", ZoneOffset.ofHours(2)), Map.entry("eest", ZoneOffset.ofHours(3)),
      Map.entry("msk", ZoneOffset.ofHours(3)),
      Map.entry("ist", ZoneOffset.ofHoursMinutes(2, 0)),
      Map.entry("jst", ZoneOffset.ofHours(9)), Map.entry("kst", ZoneOffset.ofHours(9)),
      Map.entry("aest", ZoneOffset.ofHours(10)), Map.entry("aedt", ZoneOffset.ofHours(11)),
      Map.entry("nzst", ZoneOffset.ofHours(12)), Map.entry("nzdt", ZoneOffset.ofHours(13)));

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      REGIONS.put(id, id);
    }
  }

  private static final Pattern POSIX =
      Pattern.compile("(?i)([a-z]{3,})?([+-]?)(\\d{1,2})(?::?(\\d{2}))?");
  private static final Pattern ISO_OFFSET =
      Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?");

  private PgZones() {}

  /** The zone a {@code SET TimeZone} value names, or null when PostgreSQL would reject it. */
  public static ZoneId forSetting(String value) {
    String v = value.strip();
    if (v.matches("[+-]?\\d+(\\.\\d+)?")) {
      double hours = Double.parseDouble(v);
      if (Math.abs(hours) > 15) {
        return null;
      }
      return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
    }
    return forName(v);
  }

  /**
   * The zone a name denotes in {@code AT TIME ZONE} and {@code timezone()}, or null when it
   * names none.
   */
  public static ZoneId forName(String value) {
    String v = value.strip();
    ZoneOffset abbreviation = ABBREVIATIONS.get(v.toLowerCase(Locale.ROOT));
    if (abbreviation != null) {
      return abbreviation;
    }
    String region = REGIONS.get(v);
    if (region != null) {
      return ZoneId.of(region);
    }
    // POSIX: "+02", "UTC+2", "EST5" count hours west of Greenwich.
    var m = POSIX.matcher(v);
    if (m.matches()) {
      int hours = Integer.parseInt(m.group(3));
      int minutes = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int west = m.group(2).equals("-") ? -1 : 1;
      try {
        return ZoneOffset.ofTotalSeconds(-west * (hours * 3600 + minutes * 60));
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * The zone an offset or name inside a date/time literal denotes ({@code +02}, {@code
   * -05:30}, {@code Z}, {@code Europe/Berlin}, {@code CEST}); offsets here are ISO 8601, east of
   * Greenwich. Null when {@code text} is none of these.
   */
  static ZoneId inLiteral(String text) {
    var m = ISO_OFFSET.matcher(text);
    if (m.matches()) {
      int seconds = Integer.parseInt(m.group(2)) * 3600
          + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60)
          + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
      try {
        return ZoneOffset.ofTotalSeconds(m.group(1).equals("-") ? -seconds : seconds);
      } catch (DateTimeException e) {
        return null;
      }
    }
    ZoneOffset abbreviation = ABBREVIATIONS.get(text.toLowerCase(Locale.ROOT));
    if (abbreviation != null) {
      return abbreviation;
    }
    String region = REGIONS.get(text);
    return region == null ? null : ZoneId.of(region);
  }
}
