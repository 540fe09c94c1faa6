package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.planner.session.PgOid;

/** {@code int8} / bigint: text decimal; binary big-endian int64. Java value: Long. */
public final class Int8Type extends IntegerType {
  public static final Int8Type INSTANCE = new Int8Type();

  private Int8Type() {
    super(PgOid.INT8, "int8", "bigint");
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeLong(number(value).longValue());
  }

  @Override
  public Object decodeText(String text) {
    return (long) IntegerParser.parse(text, Long.MIN_VALUE, Long.MAX_VALUE, this);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 8);
    return in.readLong();
  }
}
