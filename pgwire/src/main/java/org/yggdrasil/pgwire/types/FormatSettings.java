package org.yggdrasil.pgwire.types;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The session settings that change how values look on the wire, as PostgreSQL's output
 * functions read them: {@code TimeZone} (timestamptz text is rendered in it, and timestamptz
 * input without a zone is read in it) and {@code extra_float_digits} (1 and more: shortest
 * round-trip float output; 0 and less: rounded to 15 + n / 6 + n significant digits).
 *
 * <p>The connection learns them from the ParameterStatus values the session reports.
 *
 * @param timeZone the session time zone
 * @param extraFloatDigits PostgreSQL's extra_float_digits, -15..3
 */
public record FormatSettings(ZoneId timeZone, int extraFloatDigits) {
  public static final FormatSettings DEFAULT = new FormatSettings(ZoneOffset.UTC, 1);

  /** A copy with one reported setting applied; unknown names and unusable values are ignored. */
  public FormatSettings withParameter(String name, String value) {
    if (value == null) {
      return this;
    }
    if (name.equalsIgnoreCase("TimeZone")) {
      ZoneId zone = zone(value);
      return zone == null ? this : new FormatSettings(zone, extraFloatDigits);
    }
    if (name.equalsIgnoreCase("extra_float_digits")) {
      try {
        int digits = Integer.parseInt(value.strip());
        return new FormatSettings(timeZone, Math.max(-15, Math.min(3, digits)));
      } catch (NumberFormatException e) {
        return this;
      }
    }
    return this;
  }

  private static ZoneId zone(String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("UTC") || v.equalsIgnoreCase("GMT") || v.equalsIgnoreCase("Z")
        || v.equalsIgnoreCase("Etc/UTC")) {
      return ZoneOffset.UTC;
    }
    return org.yggdrasil.planner.schema.PgZones.forSetting(v);
  }
}
