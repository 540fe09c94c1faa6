package org.yggdrasil.planner.schema.functions;

import org.apache.calcite.linq4j.function.NonDeterministic;

/**
 * PostgreSQL's sequence functions. They act on the executing session's sequences (made current
 * by {@link #enter}); non-deterministic, so the planner never folds them into constants.
 */
@NonDeterministic
public final class SequenceFunctions {
  private static final ThreadLocal<SequenceAccess> CURRENT = new ThreadLocal<>();

  private SequenceFunctions() {}

  /** Makes {@code access} current for the calling thread until the scope is closed. */
  public static SessionInfo.Scope enter(SequenceAccess access) {
    SequenceAccess previous = CURRENT.get();
    CURRENT.set(access);
    return () -> CURRENT.set(previous);
  }

  private static SequenceAccess current() {
    SequenceAccess a = CURRENT.get();
    if (a == null) {
      throw new IllegalStateException("no session is executing on this thread");
    }
    return a;
  }

  public static long nextval(String sequence) {
    return current().nextval(sequence);
  }

  public static long currval(String sequence) {
    return current().currval(sequence);
  }

  public static long lastval() {
    return current().lastval();
  }

  public static long setval(String sequence, long value) {
    return current().setval(sequence, value, true);
  }

  public static long setval(String sequence, long value, boolean isCalled) {
    return current().setval(sequence, value, isCalled);
  }
}
