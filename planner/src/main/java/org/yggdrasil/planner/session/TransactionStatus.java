package org.yggdrasil.planner.session;

/** The transaction status a ReadyForQuery message reports. */
public enum TransactionStatus {
  /** Not in a transaction block. */
  IDLE('I'),
  /** In a transaction block. */
  IN_TRANSACTION('T'),
  /** In a failed transaction block: statements are rejected with 25P02 until ROLLBACK. */
  FAILED('E');

  private final char indicator;

  TransactionStatus(char indicator) {
    this.indicator = indicator;
  }

  public char indicator() {
    return indicator;
  }
}
