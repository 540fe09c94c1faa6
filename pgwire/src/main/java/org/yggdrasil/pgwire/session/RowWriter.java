package org.yggdrasil.pgwire.session;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.pgwire.types.PgType;
import org.yggdrasil.planner.session.RowSink;

/**
 * The {@link RowSink} handed to the engine: encodes each row as a DataRow into the connection's
 * output. It blocks the engine's thread while the client is slow to read (see {@link
 * WireOutput#flushIfLarge()}): that is how backpressure reaches the executor.
 */
final class RowWriter implements RowSink {
  private final WireOutput out;
  private final PgType[] types;
  private final short[] formats;

  RowWriter(WireOutput out, PgType[] types, short[] formats) {
    this.out = out;
    this.types = types;
    this.formats = formats;
  }

  @Override
  public void row(Object[] values) {
    if (values.length != types.length) {
      throw new SqlStateException(
          SqlState.INTERNAL_ERROR,
          "row has " + values.length + " values but the result has " + types.length
              + " columns");
    }
    Messages.writeDataRow(out.buffer(), values, types, formats);
    out.countRow();
    out.flushIfLarge();
  }
}
