package org.yggdrasil.planner.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's interval input ({@code interval '1 day 02:00:00'}, {@code '3 months'::interval},
 * {@code interval 'P1DT2H'}) as Calcite's interval literals: {@code INTERVAL 'y-m' YEAR TO
 * MONTH} for years and months, {@code INTERVAL 'd hh:mm:ss.ffffff' DAY TO SECOND} for days and
 * times. Calcite's intervals hold one kind or the other, so an interval mixing months with days or
 * times is refused (0A000); Calcite's own {@code INTERVAL '1' DAY} form is left alone.
 */
final class IntervalLiterals {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final List<String> FIELDS =
      List.of("year", "month", "day", "hour", "minute", "second");
  private static final Pattern NUMBER_UNIT =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))([a-z]*)");
  private static final Pattern TIME =
      Pattern.compile("([+-]?)(\\d+):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d*)?))?");
  private static final Pattern ISO = Pattern.compile(
      "p(?:([\\d.]+)y)?(?:([\\d.]+)m)?(?:([\\d.]+)w)?(?:([\\d.]+)d)?"
          + "(?:t(?:([\\d.]+)h)?(?:([\\d.]+)m)?(?:([\\d.]+)s)?)?");

  private IntervalLiterals() {}

  /** {@code sql} with PostgreSQL's interval literals and casts to interval spelled for Calcite. */
  static String apply(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int from;
      int to;
      Token text;
      if (t.is("interval") && i + 1 < tokens.size() && isPlainString(tokens.get(i + 1))
          && !(i + 2 < tokens.size() && FIELDS.contains(fieldName(tokens.get(i + 2))))
          && !(i > 0 && tokens.get(i - 1).is("as"))) {
        from = t.start();
        text = tokens.get(i + 1);
        to = text.end();
        i += 1;
      } else if (t.is("cast") && i + 5 < tokens.size()
          && tokens.get(i + 1).kind() == Token.Kind.LEFT_PAREN && isPlainString(tokens.get(i + 2))
          && tokens.get(i + 3).is("as") && tokens.get(i + 4).is("interval")
          && tokens.get(i + 5).kind() == Token.Kind.RIGHT_PAREN) {
        from = t.start();
        text = tokens.get(i + 2);
        to = tokens.get(i + 5).end();
        i += 5;
      } else {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sql.length() + 32);
      }
      out.append(sql, copied, from).append(literal(StringLiteral.value(text.text())));
      copied = to;
    }
    return out == null ? sql : out.append(sql, copied, sql.length()).toString();
  }

  private static boolean isPlainString(Token t) {
    return t.kind() == Token.Kind.STRING && t.text().startsWith("'");
  }

  private static String fieldName(Token t) {
    return t.kind() == Token.Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : "";
  }

  /** The Calcite literal for PostgreSQL interval text. */
  static String literal(String text) {
    Parsed p = parse(text);
    if (p.months != 0 && p.micros != 0) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "intervals mixing months or years with days or times are not supported yet: \""
              + text + "\"", null,
          "Add two intervals instead, e.g. interval '1 month' + interval '2 days'.", 0, null);
    }
    if (p.months != 0) {
      long m = Math.abs(p.months);
      return "INTERVAL '" + (p.months < 0 ? "-" : "") + m / 12 + "-" + m % 12
          + "' YEAR(9) TO MONTH";
    }
    long us = Math.abs(p.micros);
    long days = us / MICROS_PER_DAY;
    long rest = us % MICROS_PER_DAY;
    long h = rest / 3_600_000_000L;
    long min = rest / 60_000_000L % 60;
    long s = rest / 1_000_000L % 60;
    long frac = rest % 1_000_000L;
    return String.format(Locale.ROOT, "INTERVAL '%s%d %02d:%02d:%02d.%06d' DAY(9) TO SECOND(6)",
        p.micros < 0 ? "-" : "", days, h, min, s, frac);
  }

  /** Months and microseconds (days count as 24 hours). */
  private record Parsed(long months, long micros) {}

  private static Parsed parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("@")) {
      s = s.substring(1).strip();
    }
    if (s.startsWith("p")) {
      Matcher iso = ISO.matcher(s);
      if (!iso.matches()) {
        throw invalid(text);
      }
      BigDecimal months = dec(iso.group(1)).multiply(BigDecimal.valueOf(12)).add(dec(iso.group(2)));
      BigDecimal days = dec(iso.group(3)).multiply(BigDecimal.valueOf(7)).add(dec(iso.group(4)));
      BigDecimal micros = dec(iso.group(5)).multiply(BigDecimal.valueOf(3_600_000_000L))
          .add(dec(iso.group(6)).multiply(BigDecimal.valueOf(60_000_000L)))
          .add(dec(iso.group(7)).multiply(BigDecimal.valueOf(1_000_000L)));
      return combine(months, days, micros);
    }
    boolean ago = false;
    if (s.endsWith(" ago")) {
      ago = true;
      s = s.substring(0, s.length() - 4).strip();
    }
    BigDecimal months = BigDecimal.ZERO;
    BigDecimal days = BigDecimal.ZERO;
    BigDecimal micros = BigDecimal.ZERO;
    String[] words = s.isEmpty() ? new String[0] : s.split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      Matcher time = TIME.matcher(w);
      if (time.matches()) {
        BigDecimal t = BigDecimal.valueOf(Long.parseLong(time.group(2)) * 3_600_000_000L
            + Long.parseLong(time.group(3)) * 60_000_000L)
            .add(dec(time.group(4)).multiply(BigDecimal.valueOf(1_000_000L)));
        micros = micros.add(time.group(1).equals("-") ? t.negate() : t);
        continue;
      }
      Matcher nu = NUMBER_UNIT.matcher(w);
      if (!nu.matches()) {
        throw invalid(text);
      }
      BigDecimal n = new BigDecimal(nu.group(1));
      String unit = nu.group(2);
      if (unit.isEmpty() && i + 1 < words.length && !TIME.matcher(words[i + 1]).matches()
          && words[i + 1].matches("[a-z]+")) {
        unit = words[++i];
      }
      switch (unit) {
        case "", "s", "sec", "secs", "second", "seconds" ->
            micros = micros.add(n.multiply(BigDecimal.valueOf(1_000_000L)));
        case "us", "usec", "usecs", "microsecond", "microseconds" -> micros = micros.add(n);
        case "ms", "msec", "msecs", "millisecond", "milliseconds" ->
            micros = micros.add(n.multiply(BigDecimal.valueOf(1_000L)));
        case "m", "min", "mins", "minute", "minutes" ->
            micros = micros.add(n.multiply(BigDecimal.valueOf(60_000_000L)));
        case "h", "hr", "hrs", "hour", "hours" ->
            micros = micros.add(n.multiply(BigDecimal.valueOf(3_600_000_000L)));
        case "d", "day", "days" -> days = days.add(n);
        case "w", "week", "weeks" -> days = days.add(n.multiply(BigDecimal.valueOf(7)));
        case "mon", "mons", "month", "months" -> months = months.add(n);
        case "y", "yr", "yrs", "year", "years" -> months = months.add(n.multiply(BigDecimal.valueOf(12)));
        case "decade", "decades" -> months = months.add(n.multiply(BigDecimal.valueOf(120)));
        case "century", "centuries" -> months = months.add(n.multiply(BigDecimal.valueOf(1200)));
        case "millennium", "millennia" -> months = months.add(n.multiply(BigDecimal.valueOf(12000)));
        default -> throw invalid(text);
      }
    }
    Parsed p = combine(months, days, micros);
    return ago ? new Parsed(-p.months, -p.micros) : p;
  }

  /** Fractions carry down as PostgreSQL does: a month is 30 days, a day 24 hours. */
  private static Parsed combine(BigDecimal months, BigDecimal days, BigDecimal micros) {
    BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
    days = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
    BigDecimal total = micros.add(days.multiply(BigDecimal.valueOf(MICROS_PER_DAY)));
    return new Parsed(wholeMonths.longValueExact(),
        total.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  private static BigDecimal dec(String s) {
    return s == null || s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }

  private static SqlStateException invalid(String text) {
    return new SqlStateException(SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type interval: \"" + text + "\"");
  }
}
