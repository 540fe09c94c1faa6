package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.yggdrasil.planner.session.PgOid;

/** {@code int2} / smallint: text decimal; binary big-endian int16. Java value: Short. */
public final class Int2Type extends PgType {
  public static final Int2Type INSTANCE = new Int2Type();

  private Int2Type() {
    super(PgOid.INT2, "int2", "smallint");
  }

  @Override
  protected String formatText(Object value) {
    return Long.toString(number(value).longValue());
  }

  @Override
  public void writeText(ByteBuf out, Object value) {
    if (value instanceof Number n) {
      ByteBufUtil.writeAscii(out, Long.toString(n.longValue()));
    } else {
      super.writeText(out, value);
    }
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeShort(number(value).shortValue());
  }

  @Override
  public Object decodeText(String text) {
    return (short) IntegerParser.parse(text, Short.MIN_VALUE, Short.MAX_VALUE, this);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 2);
    return in.readShort();
  }

  private Number number(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    throw unexpected(value);
  }
}
