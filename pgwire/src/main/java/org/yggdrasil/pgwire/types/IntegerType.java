package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The text side shared by int2, int4 and int8 (decimal digits, any {@link Number} accepted);
 * each width keeps its own binary form and range.
 */
abstract class IntegerType extends PgType {
  IntegerType(int oid, String name, String sqlName) {
    super(oid, name, sqlName);
  }

  @Override
  protected final String formatText(Object value) {
    return Long.toString(number(value).longValue());
  }

  @Override
  public final void writeText(ByteBuf out, Object value) {
    if (value instanceof Number n) {
      ByteBufUtil.writeAscii(out, Long.toString(n.longValue()));
    } else {
      super.writeText(out, value);
    }
  }

  final Number number(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    throw unexpected(value);
  }
}
