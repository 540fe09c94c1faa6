package org.yggdrasil.planner.copy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * Converts one field's bytes into the canonical value of its column, with PostgreSQL's input
 * syntax and errors. Integers are parsed straight from the bytes and text is decoded without
 * an intermediate copy, since those are what bulk loads are made of; every other type goes
 * through {@link AssignmentCast#parse}, as an INSERT of a string literal does.
 */
abstract class ValueDecoder {

  abstract Object decode(byte[] b, int off, int len);

  static ValueDecoder forColumn(ColumnDef col) {
    return switch (col.type()) {
      case INT2, INT4, INT8 -> new IntegerDecoder(col.type());
      case TEXT -> new TextDecoder(-1, false);
      case VARCHAR -> new TextDecoder(col.length(), false);
      case BPCHAR -> new TextDecoder(col.length(), true);
      default -> new ParsedDecoder(col.type());
    };
  }

  /**
   * Strict UTF-8 (PostgreSQL rejects invalid bytes with 22021). The JDK's decoder is the fast
   * one (vectorised for ASCII) but replaces bad bytes with U+FFFD; only a result holding that
   * character is decoded again strictly, to tell a real U+FFFD from an invalid sequence.
   */
  static String utf8(byte[] b, int off, int len) {
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    return s.indexOf('\uFFFD') < 0 ? s : decodeNonAscii(b, off, len);
  }

  private static String decodeNonAscii(byte[] b, int off, int len) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      StringBuilder bytes = new StringBuilder();
      int at = in.position();
      int n = Math.min(r.length() + 1, off + len - at);
      for (int i = 0; i < Math.max(n, 1) && at + i < off + len; i++) {
        bytes.append(i == 0 ? "" : " ").append(String.format("0x%02x", b[at + i] & 0xFF));
      }
      throw new SqlStateException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
          "invalid byte sequence for encoding \"UTF8\": " + bytes);
    }
    try {
      d.flush(out);
    } catch (IllegalStateException e) {
      throw new SqlStateException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
          "invalid byte sequence for encoding \"UTF8\"");
    }
    out.flip();
    return out.toString();
  }

  private static SqlStateException nul() {
    return new SqlStateException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
        "invalid byte sequence for encoding \"UTF8\": 0x00");
  }

  /** int2, int4, int8: digits with optional sign and surrounding blanks. */
  private static final class IntegerDecoder extends ValueDecoder {
    private final ColumnType type;
    private final long min;
    private final long max;

    IntegerDecoder(ColumnType type) {
      this.type = type;
      this.min = type == ColumnType.INT2 ? Short.MIN_VALUE
          : type == ColumnType.INT4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
      this.max = type == ColumnType.INT2 ? Short.MAX_VALUE
          : type == ColumnType.INT4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    @Override
    Object decode(byte[] b, int off, int len) {
      int i = off;
      int end = off + len;
      boolean negative = false;
      if (i < end && (b[i] == '-' || b[i] == '+')) {
        negative = b[i] == '-';
        i++;
      }
      int digits = end - i;
      if (digits == 0 || digits > 18) {
        return slow(b, off, len); // 18 digits cannot overflow a long; longer ones may
      }
      long v = 0;
      for (; i < end; i++) {
        int d = b[i] - '0';
        if ((d | (9 - d)) < 0) {
          return slow(b, off, len);
        }
        v = v * 10 + d;
      }
      long r = negative ? -v : v;
      if (r < min || r > max) {
        return slow(b, off, len);
      }
      return switch (type) {
        case INT2 -> (short) r;
        case INT4 -> (int) r;
        default -> r;
      };
    }

    /** Blanks, out-of-range and malformed values: the general parser decides and words errors. */
    private Object slow(byte[] b, int off, int len) {
      return AssignmentCast.parse(utf8(b, off, len), type);
    }
  }

  /** text, varchar(n), char(n): length checked as the input functions do. */
  private static final class TextDecoder extends ValueDecoder {
    private final int limit;
    private final boolean bpchar;

    TextDecoder(int limit, boolean bpchar) {
      this.limit = limit;
      this.bpchar = bpchar;
    }

    @Override
    Object decode(byte[] b, int off, int len) {
      String s = utf8(b, off, len);
      if (s.indexOf('\0') >= 0) {
        throw nul();
      }
      if (limit > 0 && s.length() > limit) {
        checkLength(s);
      }
      return s;
    }

    /** Too long is fine when only spaces are cut (PostgreSQL's varchar/bpchar input). */
    private void checkLength(String s) {
      int chars = s.codePointCount(0, s.length());
      if (chars <= limit) {
        return;
      }
      int cut = s.offsetByCodePoints(0, limit);
      for (int i = cut; i < s.length(); i++) {
        if (s.charAt(i) != ' ') {
          throw new SqlStateException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
              "value too long for type " + (bpchar ? "character(" : "character varying(")
                  + limit + ")");
        }
      }
    }
  }

  /** Everything else: PostgreSQL's input syntax via the assignment cast. */
  private static final class ParsedDecoder extends ValueDecoder {
    private final ColumnType type;

    ParsedDecoder(ColumnType type) {
      this.type = type;
    }

    @Override
    Object decode(byte[] b, int off, int len) {
      return AssignmentCast.parse(utf8(b, off, len), type);
    }
  }

  /** For errors: what a field held, as text (invalid UTF-8 replaced). */
  static String lenient(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.UTF_8);
  }
}
