package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code interval}, carried as its PostgreSQL text form (Java value: String, e.g. {@code 1 year 2
 * mons 3 days 04:05:06}). Text format only: the engine formats and parses intervals; a Bind that
 * asks for binary interval results is refused, and binary interval parameters are rejected.
 */
public final class IntervalType extends PgType {
  public static final IntervalType INSTANCE = new IntervalType();

  private IntervalType() {
    super(PgOid.INTERVAL, "interval", "interval");
  }

  @Override
  public boolean supportsBinary() {
    return false;
  }

  @Override
  protected String formatText(Object value) {
    return String.valueOf(value);
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    throw notSupported();
  }

  @Override
  public Object decodeText(String text) {
    return TextType.TEXT.decodeText(text.strip());
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    throw notSupported();
  }

  private static SqlStateException notSupported() {
    return new SqlStateException(
        SqlState.FEATURE_NOT_SUPPORTED, "binary format for type interval is not supported");
  }
}
