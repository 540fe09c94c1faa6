package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.planner.session.PgOid;

/** {@code int4} / integer: text decimal; binary big-endian int32. Java value: Integer. */
public final class Int4Type extends IntegerType {
  public static final Int4Type INSTANCE = new Int4Type();

  private Int4Type() {
    super(PgOid.INT4, "int4", "integer");
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeInt(number(value).intValue());
  }

  @Override
  public Object decodeText(String text) {
    return (int) IntegerParser.parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE, this);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 4);
    return in.readInt();
  }
}
