package org.yggdrasil.planner.schema.functions;

import org.apache.calcite.linq4j.function.NonDeterministic;

/** pg_cancel_backend and pg_terminate_backend. */
@NonDeterministic
public final class BackendFunctions {
  private BackendFunctions() {}

  public static boolean pg_cancel_backend(int pid) {
    return SessionInfo.current().backends().cancel(pid);
  }

  public static boolean pg_terminate_backend(int pid) {
    return SessionInfo.current().backends().terminate(pid);
  }

  public static boolean pg_terminate_backend(int pid, long timeoutMillis) {
    return pg_terminate_backend(pid);
  }
}
