package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code float8} / double precision: text as {@link FloatFormat} (shortest round-trip, NaN,
 * Infinity); binary IEEE 754 big-endian 8 bytes. Java value: Double (any Number is accepted).
 */
public final class Float8Type extends PgType {
  public static final Float8Type INSTANCE = new Float8Type(1);

  private final int extraFloatDigits;

  private Float8Type(int extraFloatDigits) {
    super(PgOid.FLOAT8, "float8", "double precision");
    this.extraFloatDigits = extraFloatDigits;
  }

  /** This type with text output for the session's {@code extra_float_digits}. */
  public Float8Type withExtraFloatDigits(int digits) {
    return digits == extraFloatDigits ? this : new Float8Type(digits);
  }

  @Override
  protected String formatText(Object value) {
    return FloatFormat.format(number(value).doubleValue(), extraFloatDigits);
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeDouble(number(value).doubleValue());
  }

  @Override
  public Object decodeText(String text) {
    return FloatParser.parseDouble(text, this);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 8);
    return in.readDouble();
  }

  private Number number(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    throw unexpected(value);
  }
}
