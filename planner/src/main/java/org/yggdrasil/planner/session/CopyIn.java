package org.yggdrasil.planner.session;

/**
 * A running COPY FROM STDIN, fed by the wire side with the client's CopyData messages. Rows are
 * decoded and written to the transaction as the data arrives, in batches, so the input is never
 * held in memory as a whole. Any method may throw a {@link
 * org.yggdrasil.catalog.error.SqlStateException} (a bad row, with its line as the error's
 * context); the COPY is then over, and the transaction failed.
 */
public interface CopyIn {

  /** Columns the data has per row, for CopyInResponse. */
  int columnCount();

  /** One CopyData message: any piece of the data stream, rows may be split anywhere. */
  void data(byte[] data);

  /** CopyDone: the data is complete. Returns the command tag, {@code COPY n}. */
  String done();

  /**
   * CopyFail: the client gave up, with its reason. Always throws: 57014 {@code COPY from stdin
   * failed: reason}.
   */
  RuntimeException fail(String reason);

  /** The copy ended without CopyDone or CopyFail (a protocol error, the client went away). */
  void abort();
}
