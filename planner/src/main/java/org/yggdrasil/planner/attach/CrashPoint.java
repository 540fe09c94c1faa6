package org.yggdrasil.planner.attach;

/**
 * Fault injection for crash tests: a server started with {@code -Dygg.crash_at=<point>} dies at
 * that point as {@code kill -9} would (no shutdown hooks, no cleanup), so a test can reopen its
 * data directory and check what recovery makes of it. Without the property nothing happens.
 */
final class CrashPoint {
  /** After the members of a composite commit (or merge) changed, before the database commit. */
  static final String BEFORE_DATABASE_COMMIT = "before-database-commit";

  private static final String CHOSEN = System.getProperty("ygg.crash_at", "");

  private CrashPoint() {}

  static void reached(String point) {
    if (CHOSEN.equals(point)) {
      Runtime.getRuntime().halt(86);
    }
  }
}
