package org.yggdrasil.planner.schema.functions;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's {@code encode(bytea, format)} and {@code decode(text, format)} for the formats
 * {@code hex}, {@code base64} (wrapped at 76 characters, as PostgreSQL writes it) and
 * {@code escape}.
 */
public final class EncodingFunctions {
  private static final int BASE64_LINE = 76;

  private EncodingFunctions() {}

  public static String encode(ByteString data, String format) {
    if (data == null || format == null) {
      return null;
    }
    byte[] bytes = data.getBytes();
    return switch (format(format)) {
      case "hex" -> HexFormat.of().formatHex(bytes);
      case "base64" -> Base64.getMimeEncoder(BASE64_LINE, new byte[] {'\n'})
          .encodeToString(bytes);
      default -> escape(bytes);
    };
  }

  public static ByteString decode(String text, String format) {
    if (text == null || format == null) {
      return null;
    }
    return new ByteString(switch (format(format)) {
      case "hex" -> unhex(text);
      case "base64" -> unbase64(text);
      default -> unescape(text);
    });
  }

  private static String format(String name) {
    String f = name.toLowerCase(Locale.ROOT);
    if (!f.equals("hex") && !f.equals("base64") && !f.equals("escape")) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "unrecognized encoding: \"" + name + "\"");
    }
    return f;
  }

  /** Zero bytes and bytes with the high bit set as \nnn octal, a backslash doubled. */
  private static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int v = b & 0xff;
      if (v == 0 || v >= 0x80) {
        out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
            .append((char) ('0' + (v & 7)));
      } else if (v == '\\') {
        out.append("\\\\");
      } else {
        out.append((char) v);
      }
    }
    return out.toString();
  }

  private static byte[] unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] != '\\') {
        out.write(utf8[i]);
      } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < utf8.length && octal(utf8[i + 1], '3') && octal(utf8[i + 2], '7')
          && octal(utf8[i + 3], '7')) {
        out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
        i += 3;
      } else {
        throw new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean octal(byte b, char max) {
    return b >= '0' && b <= max;
  }

  /** Hex digit pairs; whitespace between pairs is skipped, as PostgreSQL does. */
  private static byte[] unhex(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      int hi = Character.digit(c, 16);
      if (hi < 0) {
        throw invalidHexDigit(text, i);
      }
      if (i + 1 >= text.length()) {
        throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
            "invalid hexadecimal data: odd number of digits");
      }
      int lo = Character.digit(text.charAt(i + 1), 16);
      if (lo < 0) {
        throw invalidHexDigit(text, i + 1);
      }
      out.write((hi << 4) | lo);
      i += 2;
    }
    return out.toByteArray();
  }

  private static SqlStateException invalidHexDigit(String text, int at) {
    return new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
        "invalid hexadecimal digit: \"" + text.substring(at, text.offsetByCodePoints(at, 1))
            + "\"");
  }

  private static byte[] unbase64(String text) {
    String compact = text.replaceAll("[ \t\r\n]", "");
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid base64 end sequence", null,
          "Input data is missing padding, is truncated, or is otherwise corrupted.", 0, null);
    }
  }
}
