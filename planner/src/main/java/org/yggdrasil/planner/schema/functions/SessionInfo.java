package org.yggdrasil.planner.schema.functions;

import java.util.function.Function;

/**
 * What session-dependent SQL functions (current_database(), current_setting() …) read while a
 * statement of that session executes on the current thread.
 *
 * @param database the connected database
 * @param user the session user
 * @param processId the backend process id
 * @param setting reads a setting's current value, or null when unknown
 * @param versions the database's branch operations
 * @param databases the server's database names
 * @param locks the session's advisory locks
 * @param backends the server's sessions (pg_stat_activity, pg_cancel_backend)
 * @param snapshot the snapshot the executing statement reads (catalog functions such as
 *     pg_get_indexdef describe what it holds)
 * @param settingWriter changes a setting as SET does (for set_config)
 */
public record SessionInfo(String database, String user, int processId,
    Function<String, String> setting, VersionControl versions,
    java.util.function.Supplier<java.util.List<String>> databases, AdvisoryLockHolder locks,
    BackendControl backends,
    java.util.function.Supplier<org.yggdrasil.storage.nativestore.Snapshot> snapshot,
    SettingWriter settingWriter) {

  /** SET name = value [LOCAL], with SET's checks. */
  @FunctionalInterface
  public interface SettingWriter {
    void set(String name, String value, boolean local);
  }

  private static final ThreadLocal<SessionInfo> CURRENT = new ThreadLocal<>();

  /** Makes {@code info} current for the calling thread until the returned scope is closed. */
  public static Scope enter(SessionInfo info) {
    SessionInfo previous = CURRENT.get();
    CURRENT.set(info);
    return () -> CURRENT.set(previous);
  }

  /** The server's databases, for pg_database. */
  public static java.util.List<String> currentDatabases() {
    return current().databases().get();
  }

  /** The executing session's branch operations (for the ygg schema's tables). */
  public static VersionControl currentVersions() {
    return current().versions();
  }

  /**
   * What date/time input means for the executing session (DateStyle's field order, TimeZone);
   * PostgreSQL's defaults when no session is executing on this thread.
   */
  public static org.yggdrasil.planner.schema.PgDateTimeInput.Context dateTimeContext() {
    SessionInfo info = CURRENT.get();
    if (info == null) {
      return org.yggdrasil.planner.schema.PgDateTimeInput.Context.DEFAULT;
    }
    var order = org.yggdrasil.planner.schema.PgDateTimeInput.FieldOrder.ofDateStyle(
        info.setting().apply("DateStyle"));
    return new org.yggdrasil.planner.schema.PgDateTimeInput.Context(order,
        zone(info.setting().apply("TimeZone")));
  }

  /** The session's TimeZone as a zone (UTC when unset); the last one is remembered. */
  public static java.time.ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return java.time.ZoneOffset.UTC;
    }
    LastZone last = lastZone;
    if (last != null && last.name().equals(timeZone)) {
      return last.zone();
    }
    java.time.ZoneId zone = org.yggdrasil.planner.schema.PgZones.forSetting(timeZone);
    if (zone == null) {
      zone = java.time.ZoneOffset.UTC;
    }
    lastZone = new LastZone(timeZone, zone);
    return zone;
  }

  private record LastZone(String name, java.time.ZoneId zone) {}

  private static volatile LastZone lastZone;

  /** The executing session's process id, or 0 when no session executes on this thread. */
  public static int currentProcessIdOrZero() {
    SessionInfo info = CURRENT.get();
    return info == null ? 0 : info.processId();
  }

  /** The snapshot the executing statement reads. */
  public static org.yggdrasil.storage.nativestore.Snapshot currentSnapshot() {
    return current().snapshot().get();
  }

  public static SessionInfo current() {
    SessionInfo info = CURRENT.get();
    if (info == null) {
      throw new IllegalStateException("no session is executing on this thread");
    }
    return info;
  }

  /** Restores the previous session info. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
