package org.yggdrasil.planner.session;

import java.util.List;

/** Server-wide database management, as CREATE DATABASE and DROP DATABASE reach it. */
public interface DatabaseAdmin {
  /** Creates an empty database (its own store and branch space); 42P04 if it exists. */
  void createDatabase(String name);

  /**
   * Drops a database and its store. 3D000 if it does not exist (unless {@code ifExists}); 55006
   * if it is the caller's own database or other sessions are connected to it.
   */
  void dropDatabase(String name, boolean ifExists, int callerProcessId);

  /** The server's sessions, for pg_stat_activity and pg_cancel_backend. */
  org.yggdrasil.planner.schema.functions.BackendControl backends();

  /** The server's LISTEN / NOTIFY channels. */
  NotificationHub notifications();

  /** The server's advisory lock table. */
  AdvisoryLocks advisoryLocks();

  /** The databases, sorted by name. */
  List<String> databaseNames();
}
