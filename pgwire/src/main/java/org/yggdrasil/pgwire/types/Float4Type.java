package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code float4} / real: text as {@link FloatFormat} (shortest round-trip for a float); binary
 * IEEE 754 big-endian 4 bytes. Java value: Float (any Number is accepted).
 */
public final class Float4Type extends PgType {
  public static final Float4Type INSTANCE = new Float4Type(1);

  private final int extraFloatDigits;

  private Float4Type(int extraFloatDigits) {
    super(PgOid.FLOAT4, "float4", "real");
    this.extraFloatDigits = extraFloatDigits;
  }

  /** This type with text output for the session's {@code extra_float_digits}. */
  public Float4Type withExtraFloatDigits(int digits) {
    return digits == extraFloatDigits ? this : new Float4Type(digits);
  }

  @Override
  protected String formatText(Object value) {
    return FloatFormat.format(number(value).floatValue(), extraFloatDigits);
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeFloat(number(value).floatValue());
  }

  @Override
  public Object decodeText(String text) {
    return FloatParser.parseFloat(text, this);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 4);
    return in.readFloat();
  }

  private Number number(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    throw unexpected(value);
  }
}
