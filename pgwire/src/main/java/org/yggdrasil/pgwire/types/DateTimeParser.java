package org.yggdrasil.pgwire.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Parses the date/time input PostgreSQL clients send, in ISO form:
 *
 * <pre>
 *   [date] [T| ] [time] [ ] [zone] [ ] [BC|AD]
 *   date  = year '-' month '-' day           (year 1+ digits; 1-2 digit month and day)
 *   time  = hh ':' mm [':' ss ['.' fraction]]  (fraction rounded to microseconds)
 *   zone  = Z | UTC | GMT | (+|-)hh[[:]mm[[:]ss]] | a zone name (Europe/Berlin)
 * </pre>
 *
 * plus the special words {@code infinity}, {@code -infinity}, {@code epoch}, {@code now}, {@code
 * today}, {@code tomorrow}, {@code yesterday} and {@code allballs}. pgjdbc sends dates as {@code
 * 2024-01-02 +00} and timestamps as {@code 2024-01-02 03:04:05.123+00}; the zone is ignored where
 * the type has none, as PostgreSQL does. Other DateStyle input orders (MDY with slashes, month
 * names) are not accepted yet.
 */
final class DateTimeParser {

  /** What the input said; {@code special} is set instead of fields for the special words. */
  record Parsed(
      Special special, LocalDate date, long microsOfDay, boolean hasTime, ZoneId zone) {}

  enum Special {
    INFINITY,
    NEG_INFINITY,
    EPOCH,
    NOW,
    TODAY,
    TOMORROW,
    YESTERDAY,
    ALLBALLS
  }

  private final String text;
  private final PgType type;
  private int pos;

  private DateTimeParser(String text, PgType type) {
    this.text = text;
    this.type = type;
  }

  /**
   * @param needDate whether the input starts with a date (false for {@code time})
   */
  static Parsed parse(String text, PgType type, boolean needDate) {
    String s = text.strip();
    Special special = special(s.toLowerCase(Locale.ROOT));
    if (special != null) {
      return new Parsed(special, null, 0, false, null);
    }
    return new DateTimeParser(s, type).parse(needDate, text);
  }

  private static Special special(String s) {
    return switch (s) {
      case "infinity", "+infinity" -> Special.INFINITY;
      case "-infinity" -> Special.NEG_INFINITY;
      case "epoch" -> Special.EPOCH;
      case "now" -> Special.NOW;
      case "today" -> Special.TODAY;
      case "tomorrow" -> Special.TOMORROW;
      case "yesterday" -> Special.YESTERDAY;
      case "allballs" -> Special.ALLBALLS;
      default -> null;
    };
  }

  private Parsed parse(boolean needDate, String original) {
    LocalDate date = null;
    int year = 0;
    int month = 0;
    int day = 0;
    if (needDate) {
      year = number(1, 9, original);
      expect('-', original);
      month = number(1, 2, original);
      expect('-', original);
      day = number(1, 2, original);
      if (pos < text.length() && (text.charAt(pos) == 'T' || text.charAt(pos) == 't')) {
        pos++;
      }
      skipSpaces();
    }
    boolean hasTime = false;
    long micros = 0;
    if (pos < text.length() && isDigit(text.charAt(pos))) {
      micros = time(original);
      hasTime = true;
    } else if (!needDate) {
      throw syntax(original);
    }
    skipSpaces();
    ZoneId zone = zone(original);
    skipSpaces();
    boolean bc = false;
    if (text.regionMatches(true, pos, "BC", 0, 2)) {
      bc = true;
      pos += 2;
    } else if (text.regionMatches(true, pos, "AD", 0, 2)) {
      pos += 2;
    }
    if (pos != text.length()) {
      throw syntax(original);
    }
    if (needDate) {
      if (bc) {
        if (year == 0) {
          throw range(original);
        }
        year = 1 - year;
      }
      try {
        date = LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw range(original);
      }
    }
    return new Parsed(null, date, micros, hasTime, zone);
  }

  /** hh:mm[:ss[.frac]] as microseconds of the day; 24:00:00 is allowed, as in PostgreSQL. */
  private long time(String original) {
    int hour = number(1, 2, original);
    expect(':', original);
    int minute = number(2, 2, original);
    int second = 0;
    long fracMicros = 0;
    if (pos < text.length() && text.charAt(pos) == ':') {
      pos++;
      second = number(2, 2, original);
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
          pos++;
        }
        if (pos == start) {
          throw syntax(original);
        }
        // Round the fraction to microseconds, half up, from up to 7 significant digits.
        String frac = (text.substring(start, pos) + "0000000").substring(0, 7);
        fracMicros = (Long.parseLong(frac) + 5) / 10;
      }
    }
    if (minute > 59 || second > 60 || hour > 24) {
      throw range(original);
    }
    long micros = ((hour * 60L + minute) * 60 + second) * 1_000_000 + fracMicros;
    if (micros > DateTimeText.MICROS_PER_DAY) {
      throw range(original);
    }
    return micros;
  }

  private ZoneId zone(String original) {
    if (pos >= text.length()) {
      return null;
    }
    char c = text.charAt(pos);
    if (c == '+' || c == '-') {
      pos++;
      int start = pos;
      int hours = number(1, 2, original);
      int minutes = 0;
      int seconds = 0;
      if (pos < text.length() && text.charAt(pos) == ':') {
        pos++;
        minutes = number(2, 2, original);
        if (pos < text.length() && text.charAt(pos) == ':') {
          pos++;
          seconds = number(2, 2, original);
        }
      } else if (pos - start == 2 && pos < text.length() && isDigit(text.charAt(pos))) {
        minutes = number(2, 2, original); // +0530
      }
      int total = (hours * 3600 + minutes * 60 + seconds) * (c == '-' ? -1 : 1);
      try {
        return ZoneOffset.ofTotalSeconds(total);
      } catch (DateTimeException e) {
        throw range(original);
      }
    }
    if (!Character.isLetter(c)) {
      return null;
    }
    int start = pos;
    while (pos < text.length() && isZoneChar(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.equalsIgnoreCase("BC") || name.equalsIgnoreCase("AD")) {
      pos = start; // an era, not a zone
      return null;
    }
    if (name.equalsIgnoreCase("Z") || name.equalsIgnoreCase("UTC")
        || name.equalsIgnoreCase("GMT")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      if (name.indexOf('/') < 0) {
        throw syntax(original); // an unknown word, as PostgreSQL reports it
      }
      throw new SqlStateException(
          SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
    }
  }

  private int number(int minDigits, int maxDigits, String original) {
    int start = pos;
    while (pos < text.length() && pos - start < maxDigits && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos - start < minDigits) {
      throw syntax(original);
    }
    return Integer.parseInt(text, start, pos, 10);
  }

  private void expect(char c, String original) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw syntax(original);
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isZoneChar(char c) {
    return Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-' || c == '+';
  }

  private SqlStateException syntax(String original) {
    return new SqlStateException(
        SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type " + type.sqlName() + ": \"" + original + "\"");
  }

  private SqlStateException range(String original) {
    return new SqlStateException(
        SqlState.DATETIME_FIELD_OVERFLOW,
        "date/time field value out of range: \"" + original + "\"");
  }
}
