package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code oid}: an unsigned 32-bit number. Text decimal 0..4294967295 (input also accepts
 * -2147483648..-1, wrapping as PostgreSQL's {@code oidin} does); binary big-endian uint32. Java
 * value: Long.
 */
public final class OidType extends PgType {
  public static final OidType INSTANCE = new OidType();

  private OidType() {
    super(PgOid.OID, "oid", "oid");
  }

  @Override
  protected String formatText(Object value) {
    return Long.toString(unsigned(value));
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeInt((int) unsigned(value));
  }

  @Override
  public Object decodeText(String text) {
    long v = IntegerParser.parse(text, Integer.MIN_VALUE, 0xFFFF_FFFFL, this);
    return v & 0xFFFF_FFFFL;
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 4);
    return in.readUnsignedInt();
  }

  private long unsigned(Object value) {
    if (value instanceof Integer i) {
      return Integer.toUnsignedLong(i);
    }
    if (value instanceof Number n) {
      return n.longValue() & 0xFFFF_FFFFL;
    }
    throw unexpected(value);
  }
}
