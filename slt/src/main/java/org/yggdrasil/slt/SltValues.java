package org.yggdrasil.slt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;

/**
 * Formats result values the way sqllogictest's reference driver prints them, by the record's
 * type letter: {@code I} an integer, {@code R} a real with three decimals, {@code T} text
 * ({@code (empty)} for the empty string, characters outside printable ASCII as {@code @});
 * {@code NULL} for SQL NULL in every type. A boolean prints as 1/0 in I and R (SQLite has no
 * boolean type, its comparisons yield the integers 1 and 0). A value that does not fit its letter
 * (a fraction in an I column, text in an R column) is printed unchanged so that the difference
 * shows up as a wrong result instead of being rounded away.
 */
public final class SltValues {
  private SltValues() {}

  public static String format(char type, int sqlType, String text) {
    if (text == null) {
      return "NULL";
    }
    boolean bool = sqlType == Types.BOOLEAN || sqlType == Types.BIT;
    return switch (type) {
      case 'I' -> {
        if (bool) {
          yield booleanDigit(text);
        }
        BigDecimal d = decimal(text);
        if (d == null) {
          yield text;
        }
        try {
          yield d.toBigIntegerExact().toString();
        } catch (ArithmeticException notIntegral) {
          yield text;
        }
      }
      case 'R' -> {
        if (bool) {
          yield booleanDigit(text) + ".000";
        }
        BigDecimal d = decimal(text);
        if (d == null) {
          yield text;
        }
        // C's printf("%.3f") rounds the exact binary value half-even; so does this.
        double v = d.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          yield text;
        }
        String s = new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        yield (v < 0 || (v == 0 && 1 / v < 0)) && !s.startsWith("-") ? "-" + s : s;
      }
      default -> {
        if (text.isEmpty()) {
          yield "(empty)";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          sb.append(c < ' ' || c > '~' ? '@' : c);
        }
        yield sb.toString();
      }
    };
  }

  private static String booleanDigit(String text) {
    return switch (text) {
      case "t", "true" -> "1";
      case "f", "false" -> "0";
      default -> text;
    };
  }

  private static BigDecimal decimal(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    char c = t.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return null;
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code N values hashing to <md5>}: MD5 of every value followed by a newline. */
  public static String hashLine(List<String> values) {
    return values.size() + " values hashing to " + md5(values);
  }

  public static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
