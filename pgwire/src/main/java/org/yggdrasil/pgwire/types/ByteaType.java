package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code bytea}: text output in hex format ({@code \x0a0b}, lower case, PostgreSQL's default
 * {@code bytea_output}); text input in hex format (whitespace allowed between digit pairs) or
 * the traditional escape format ({@code \\} for a backslash, {@code \ooo} octal, other bytes as
 * themselves); binary the raw bytes. Java value: byte[] (a ByteBuffer is accepted too).
 */
public final class ByteaType extends PgType {
  public static final ByteaType INSTANCE = new ByteaType();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ByteaType() {
    super(PgOid.BYTEA, "bytea", "bytea");
  }

  @Override
  protected String formatText(Object value) {
    byte[] bytes = bytes(value);
    StringBuilder sb = new StringBuilder(2 + bytes.length * 2).append("\\x");
    for (byte b : bytes) {
      sb.append((char) HEX[(b >> 4) & 0xF]).append((char) HEX[b & 0xF]);
    }
    return sb.toString();
  }

  @Override
  public void writeText(ByteBuf out, Object value) {
    if (value instanceof String) {
      super.writeText(out, value);
      return;
    }
    byte[] bytes = bytes(value);
    out.ensureWritable(2 + bytes.length * 2);
    out.writeByte('\\').writeByte('x');
    for (byte b : bytes) {
      out.writeByte(HEX[(b >> 4) & 0xF]).writeByte(HEX[b & 0xF]);
    }
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeBytes(bytes(value));
  }

  @Override
  public Object decodeText(String text) {
    if (text.startsWith("\\x")) {
      return decodeHex(text);
    }
    return decodeEscape(text);
  }

  private static byte[] decodeHex(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
    int i = 2;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (IntegerParser.isSpace(c)) {
        i++;
        continue;
      }
      int hi = hexDigit(c);
      if (i + 1 >= n) {
        throw new SqlStateException(
            SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
      }
      int lo = hexDigit(text.charAt(i + 1));
      out.write((hi << 4) | lo);
      i += 2;
    }
    return out.toByteArray();
  }

  private static int hexDigit(char c) {
    int d = Character.digit(c, 16);
    if (d < 0 || c > 0x7F) {
      throw new SqlStateException(
          SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
    }
    return d;
  }

  private byte[] decodeEscape(String text) {
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b != '\\') {
        out.write(b);
      } else if (i + 1 < in.length && in[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < in.length
          && isOctal(in[i + 1], '3')
          && isOctal(in[i + 2], '7')
          && isOctal(in[i + 3], '7')) {
        out.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
        i += 3;
      } else {
        throw invalidText(text);
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte b, char max) {
    return b >= '0' && b <= max;
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    byte[] bytes = new byte[in.readableBytes()];
    in.readBytes(bytes);
    return bytes;
  }

  private byte[] bytes(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    if (value instanceof ByteBuffer bb) {
      byte[] b = new byte[bb.remaining()];
      bb.duplicate().get(b);
      return b;
    }
    throw unexpected(value);
  }
}
