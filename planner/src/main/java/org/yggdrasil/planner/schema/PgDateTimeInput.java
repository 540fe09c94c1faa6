package org.yggdrasil.planner.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's input syntax for date, timestamp and timestamptz: ISO 8601 ({@code 2024-01-02
 * 03:04:05.123456+02}, {@code 2024-01-02T03:04:05Z}), numeric dates whose field order
 * DateStyle decides ({@code 01/02/2024} is January 2nd under MDY, February 1st under DMY),
 * month names ({@code January 8, 1999}, {@code 08-Jan-99}), {@code yyyymmdd}, 12-hour times,
 * zone names and offsets, and the special words epoch, now, today, tomorrow, yesterday.
 * Zoneless timestamptz input is read in the session's TimeZone; a zone given to a plain
 * timestamp is ignored, as in PostgreSQL.
 */
public final class PgDateTimeInput {
  /** DateStyle's field order for ambiguous numeric dates. */
  public enum FieldOrder {
    MDY, DMY, YMD;

    /** The order a DateStyle value ("ISO, DMY") names; MDY when it names none. */
    public static FieldOrder ofDateStyle(String dateStyle) {
      if (dateStyle == null) {
        return MDY;
      }
      String u = dateStyle.toUpperCase(Locale.ROOT);
      return u.contains("DMY") || u.contains("EURO") && !u.contains("NONEURO") ? DMY
          : u.contains("YMD") ? YMD : MDY;
    }
  }

  /**
   * What the input's meaning depends on.
   *
   * @param order DateStyle's field order
   * @param zone the session's TimeZone, for zoneless timestamptz input and "today"
   */
  public record Context(FieldOrder order, ZoneId zone) {
    public static final Context DEFAULT = new Context(FieldOrder.MDY, ZoneOffset.UTC);
  }

  private record Parsed(LocalDate date, LocalTime time, int extraDays, ZoneId zone) {
    LocalDateTime local() {
      return LocalDateTime.of(date, time).plusDays(extraDays);
    }
  }

  private static final Pattern ISO_T = Pattern.compile("^(\\d{4}-\\d{1,2}-\\d{1,2})[Tt](\\d)");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,]+");
  private static final Pattern DATE_SEPARATORS = Pattern.compile("[-/.]");
  private static final Pattern CLOCK =
      Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?");

  private PgDateTimeInput() {}

  public static LocalDate date(String text, Context context) {
    return parse(text, "date", context).date();
  }

  public static LocalDateTime timestamp(String text, Context context) {
    return parse(text, "timestamp without time zone", context).local();
  }

  /** The instant {@code text} denotes, at offset UTC, with microsecond precision. */
  public static OffsetDateTime timestamptz(String text, Context context) {
    Parsed p = parse(text, "timestamp with time zone", context);
    ZoneId zone = p.zone() != null ? p.zone() : context.zone();
    return p.local().atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static Parsed parse(String original, String type, Context context) {
    String s = original.strip();
    Parsed special = special(s.toLowerCase(Locale.ROOT), context);
    if (special != null) {
      return special;
    }
    // ISO 8601's 'T' between date and time.
    s = ISO_T.matcher(s).replaceFirst("$1 $2");
    List<String> words = new ArrayList<>(List.of(WORD_SEPARATORS.split(s)));
    words.removeIf(String::isEmpty);
    LocalTime time = LocalTime.MIDNIGHT;
    int extraDays = 0;
    ZoneId zone = null;
    boolean pm = false;
    boolean am = false;
    List<String> dateWords = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String lower = w.toLowerCase(Locale.ROOT);
      if (w.indexOf(':') > 0 && Character.isDigit(w.charAt(0))) {
        int zoneAt = zoneSuffixStart(w);
        String clock = zoneAt < 0 ? w : w.substring(0, zoneAt);
        if (zoneAt >= 0) {
          zone = zoneOrFail(w.substring(zoneAt), original, type);
        }
        int[] hms = clock(clock, original, type);
        if (hms[0] == 24 && hms[1] == 0 && hms[2] == 0 && hms[3] == 0) {
          extraDays = 1;
          hms[0] = 0;
        }
        time = time(hms, original);
      } else if (lower.equals("am") || lower.equals("pm")) {
        am = lower.equals("am");
        pm = lower.equals("pm");
      } else if (lower.equals("ad")) {
        continue;
      } else if (!dateWords.isEmpty() && (w.startsWith("+") || w.startsWith("-")
          || (PgZones.inLiteral(w) != null && monthOf(lower) < 0))) {
        zone = zoneOrFail(w, original, type);
      } else {
        dateWords.add(w);
      }
    }
    if (pm || am) {
      if (time.getHour() > 12 || time.getHour() == 0) {
        throw outOfRange(original);
      }
      time = time.withHour(time.getHour() % 12 + (pm ? 12 : 0));
    }
    LocalDate date = date(dateWords, original, type, context.order());
    return new Parsed(date, time, extraDays, zone);
  }

  private static Parsed special(String lower, Context context) {
    LocalDate today = LocalDate.now(context.zone());
    return switch (lower) {
      case "epoch" -> new Parsed(LocalDate.EPOCH, LocalTime.MIDNIGHT, 0, ZoneOffset.UTC);
      case "today" -> new Parsed(today, LocalTime.MIDNIGHT, 0, null);
      case "tomorrow" -> new Parsed(today.plusDays(1), LocalTime.MIDNIGHT, 0, null);
      case "yesterday" -> new Parsed(today.minusDays(1), LocalTime.MIDNIGHT, 0, null);
      case "now" -> {
        LocalDateTime now = LocalDateTime.now(context.zone());
        yield new Parsed(now.toLocalDate(), now.toLocalTime(), 0, context.zone());
      }
      case "infinity", "-infinity", "+infinity" -> throw new SqlStateException(
          SqlState.FEATURE_NOT_SUPPORTED, "infinite dates and timestamps are not supported",
          null, "Use an explicit far-future or far-past value instead.", 0, null);
      default -> null;
    };
  }

  /** Where a zone glued to a time begins ("10:00:00+02", "10:00Z"), or -1. */
  private static int zoneSuffixStart(String w) {
    for (int i = 1; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c == '+' || c == '-' || Character.isLetter(c)) {
        return i;
      }
    }
    return -1;
  }

  private static ZoneId zoneOrFail(String text, String original, String type) {
    ZoneId zone = PgZones.inLiteral(text);
    if (zone == null) {
      throw invalid(original, type);
    }
    return zone;
  }

  /** Hours, minutes, seconds and microseconds (rounded as PostgreSQL rounds). */
  private static int[] clock(String clock, String original, String type) {
    var m = CLOCK.matcher(clock);
    if (!m.matches()) {
      throw invalid(original, type);
    }
    int micros = 0;
    String fraction = m.group(4);
    if (fraction != null && !fraction.isEmpty()) {
      micros = (int) Math.round(Double.parseDouble("0." + fraction) * 1_000_000);
    }
    int seconds = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int[] hms = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), seconds, micros};
    if (hms[3] == 1_000_000) {
      hms[3] = 0;
      hms[2]++;
    }
    return hms;
  }

  private static LocalTime time(int[] hms, String original) {
    try {
      if (hms[2] == 60) {
        return LocalTime.of(hms[0], hms[1], 59, hms[3] * 1000).plusSeconds(1);
      }
      return LocalTime.of(hms[0], hms[1], hms[2], hms[3] * 1000);
    } catch (DateTimeException e) {
      throw outOfRange(original);
    }
  }

  private static LocalDate date(List<String> words, String original, String type,
      FieldOrder order) {
    List<String> fields = new ArrayList<>();
    for (String w : words) {
      if (w.length() == 8 && w.chars().allMatch(Character::isDigit)) {
        fields.add(w.substring(0, 4));
        fields.add(w.substring(4, 6));
        fields.add(w.substring(6));
        continue;
      }
      for (String f : DATE_SEPARATORS.split(w)) {
        if (!f.isEmpty()) {
          fields.add(f);
        }
      }
    }
    if (fields.size() == 4 && fields.get(3).equalsIgnoreCase("bc")) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "dates before the common era are not supported");
    }
    if (fields.size() != 3) {
      throw invalid(original, type);
    }
    int monthAt = -1;
    for (int i = 0; i < 3; i++) {
      String f = fields.get(i);
      if (!f.chars().allMatch(Character::isDigit)) {
        if (monthAt >= 0 || monthOf(f.toLowerCase(Locale.ROOT)) < 0) {
          throw invalid(original, type);
        }
        monthAt = i;
      }
    }
    String y;
    String m;
    String d;
    if (monthAt >= 0) {
      m = Integer.toString(monthOf(fields.get(monthAt).toLowerCase(Locale.ROOT)));
      List<String> numbers = new ArrayList<>(fields);
      numbers.remove(monthAt);
      boolean firstIsYear = numbers.get(0).length() > 2 || order == FieldOrder.YMD
          && numbers.get(1).length() <= 2;
      y = firstIsYear ? numbers.get(0) : numbers.get(1);
      d = firstIsYear ? numbers.get(1) : numbers.get(0);
    } else if (fields.get(0).length() > 2) {
      y = fields.get(0);
      m = fields.get(1);
      d = fields.get(2);
    } else {
      switch (order) {
        case MDY -> { m = fields.get(0); d = fields.get(1); y = fields.get(2); }
        case DMY -> { d = fields.get(0); m = fields.get(1); y = fields.get(2); }
        default -> { y = fields.get(0); m = fields.get(1); d = fields.get(2); }
      }
    }
    int year = Integer.parseInt(y);
    if (y.length() <= 2) {
      year += year < 70 ? 2000 : 1900;
    }
    try {
      return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException | NumberFormatException e) {
      throw outOfRange(original);
    }
  }

  /** The month a name or abbreviation denotes (1–12), or -1. */
  private static int monthOf(String lower) {
    if (lower.length() < 3) {
      return -1;
    }
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (full.startsWith(lower) || lower.equals("sept") && month == Month.SEPTEMBER) {
        return month.getValue();
      }
    }
    return -1;
  }

  private static SqlStateException invalid(String original, String type) {
    return new SqlStateException(SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type " + type + ": \"" + original + "\"");
  }

  private static SqlStateException outOfRange(String original) {
    return new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW,
        "date/time field value out of range: \"" + original + "\"", null,
        "Perhaps you need a different \"datestyle\" setting.", 0, null);
  }
}
