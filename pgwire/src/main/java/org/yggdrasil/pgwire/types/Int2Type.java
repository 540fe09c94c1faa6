package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.planner.session.PgOid;

/** {@code int2} / smallint: text decimal; binary big-endian int16. Java value: Short. */
public final class Int2Type extends IntegerType {
  public static final Int2Type INSTANCE = new Int2Type();

  private Int2Type() {
    super(PgOid.INT2, "int2", "smallint");
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
}
