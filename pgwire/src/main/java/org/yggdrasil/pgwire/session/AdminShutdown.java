package org.yggdrasil.pgwire.session;

/**
 * A user event the server fires on every connection's pipeline when it shuts down: each
 * connection finishes its current message, sends FATAL 57P01 and closes.
 */
public final class AdminShutdown {
  public static final AdminShutdown INSTANCE = new AdminShutdown();

  private AdminShutdown() {}
}
