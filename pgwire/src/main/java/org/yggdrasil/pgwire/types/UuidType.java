package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.util.UUID;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code uuid}: text output lower-case canonical {@code 8-4-4-4-12}; input as PostgreSQL's
 * {@code uuid_in}: 32 hex digits in any case, optionally in braces, with a hyphen allowed after
 * any group of four digits. Binary: the 16 bytes, most significant first. Java value: UUID.
 */
public final class UuidType extends PgType {
  public static final UuidType INSTANCE = new UuidType();

  private UuidType() {
    super(PgOid.UUID, "uuid", "uuid");
  }

  @Override
  protected String formatText(Object value) {
    return uuid(value).toString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    UUID u = uuid(value);
    out.writeLong(u.getMostSignificantBits());
    out.writeLong(u.getLeastSignificantBits());
  }

  @Override
  public Object decodeText(String text) {
    String s = text.strip();
    if (s.startsWith("{")) {
      if (!s.endsWith("}")) {
        throw invalidText(text);
      }
      s = s.substring(1, s.length() - 1);
    }
    long hi = 0;
    long lo = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-') {
        // uuid_in: a hyphen may follow any group of four digits, but not end the value.
        if (digits == 0 || digits % 4 != 0 || i + 1 == s.length() || s.charAt(i + 1) == '-') {
          throw invalidText(text);
        }
        continue;
      }
      int d = Character.digit(c, 16);
      if (d < 0 || c > 0x7F || digits == 32) {
        throw invalidText(text);
      }
      if (digits < 16) {
        hi = (hi << 4) | d;
      } else {
        lo = (lo << 4) | d;
      }
      digits++;
    }
    if (digits != 32) {
      throw invalidText(text);
    }
    return new UUID(hi, lo);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 16);
    return new UUID(in.readLong(), in.readLong());
  }

  private UUID uuid(Object value) {
    if (value instanceof UUID u) {
      return u;
    }
    throw unexpected(value);
  }
}
