package org.yggdrasil.planner.engine;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.DatabaseAdmin;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.SessionFactory;
import org.yggdrasil.planner.session.SqlEngine;
import org.yggdrasil.planner.session.StartupParameters;
import org.yggdrasil.planner.session.YggSession;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * The server's SQL engine: the databases ({@code ygg} and {@code postgres} exist from the
 * start), the open sessions by BackendKeyData, and the timer that enforces statement_timeout.
 */
public final class YggEngine implements SqlEngine, DatabaseAdmin {
  private final org.yggdrasil.planner.session.AdvisoryLocks advisoryLocks =
      new org.yggdrasil.planner.session.AdvisoryLocks();
  private final EngineOptions options;
  private final Map<String, NativeDatabase> databases = new ConcurrentHashMap<>();
  private final Map<Integer, YggSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger nextProcessId = new AtomicInteger(1000);
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ygg-statement-timeout");
    t.setDaemon(true);
    return t;
  });

  public YggEngine(EngineOptions options) {
    this.options = options;
    // Calcite converts timestamps for functions through the JVM's default zone; with UTC those
    // conversions are the identity, which is what a server that stores UTC wants.
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    org.yggdrasil.accel.KernelWarmup.startOnce();
    for (String name : initialDatabases(options)) {
      databases.put(name, announcingCommits(name, openDatabase(options, name)));
    }
  }

  /** ygg and postgres, and every database directory a previous run left in the data directory. */
  private static java.util.SortedSet<String> initialDatabases(EngineOptions options) {
    java.util.SortedSet<String> names = new java.util.TreeSet<>(java.util.List.of("ygg", "postgres"));
    if (!options.inMemory() && java.nio.file.Files.isDirectory(options.dataDirectory())) {
      try (var dirs = java.nio.file.Files.list(options.dataDirectory())) {
        dirs.filter(java.nio.file.Files::isDirectory)
            .map(d -> d.getFileName().toString())
            .forEach(names::add);
      } catch (java.io.IOException e) {
        throw new SqlStateException(SqlState.IO_ERROR,
            "cannot list data directory " + options.dataDirectory() + ": " + e.getMessage());
      }
    }
    return names;
  }

  @Override
  public synchronized void createDatabase(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains(":") || name.contains("@")
        || name.startsWith(".")) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "database name \"" + name + "\" is not allowed here (no '/', ':', '@' or leading '.')");
    }
    if (options.readOnly()) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot create a database on a read-only server");
    }
    if (databases.containsKey(name)) {
      throw new SqlStateException(SqlState.DUPLICATE_DATABASE,
          "database \"" + name + "\" already exists");
    }
    databases.put(name, announcingCommits(name, openDatabase(options, name)));
  }

  @Override
  public synchronized void dropDatabase(String name, boolean ifExists, int callerProcessId) {
    NativeDatabase db = databases.get(name);
    if (db == null) {
      if (ifExists) {
        return;
      }
      throw new SqlStateException(SqlState.INVALID_CATALOG_NAME,
          "database \"" + name + "\" does not exist");
    }
    for (YggSession s : sessions.values()) {
      if (s.databaseName().equals(name)) {
        throw new SqlStateException(SqlState.OBJECT_IN_USE, s.processId() == callerProcessId
            ? "cannot drop the currently open database"
            : "database \"" + name + "\" is being accessed by other users");
      }
    }
    if (options.readOnly()) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot drop a database on a read-only server");
    }
    databases.remove(name);
    db.close();
    if (!options.inMemory()) {
      deleteTree(options.dataDirectory().resolve(name));
    }
  }

  private static void deleteTree(java.nio.file.Path dir) {
    try (var paths = java.nio.file.Files.walk(dir)) {
      for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    } catch (java.io.IOException e) {
      throw new SqlStateException(SqlState.IO_ERROR,
          "database dropped, but its directory " + dir + " could not be removed: "
              + e.getMessage());
    }
  }

  @Override
  public org.yggdrasil.planner.schema.functions.BackendControl backends() {
    return backends;
  }

  private final org.yggdrasil.planner.schema.functions.BackendControl backends =
      new org.yggdrasil.planner.schema.functions.BackendControl() {
        @Override
        public java.util.List<Object[]> activity() {
          java.util.List<Object[]> rows = new java.util.ArrayList<>();
          for (YggSession s : new java.util.TreeMap<>(sessions).values()) {
            rows.add(s.activityRow());
          }
          return rows;
        }

        @Override
        public boolean cancel(int pid) {
          YggSession s = sessions.get(pid);
          if (s != null) {
            s.cancel();
          }
          return s != null;
        }

        @Override
        public boolean terminate(int pid) {
          YggSession s = sessions.get(pid);
          if (s != null) {
            s.terminate();
          }
          return s != null;
        }
      };

  @Override
  public org.yggdrasil.planner.session.NotificationHub notifications() {
    return notifications;
  }

  private final org.yggdrasil.planner.session.NotificationHub notifications =
      new org.yggdrasil.planner.session.NotificationHub();

  @Override
  public org.yggdrasil.planner.session.AdvisoryLocks advisoryLocks() {
    return advisoryLocks;
  }

  /** The open database of this name (for the JSON wire); 3D000 if there is none. */
  public NativeDatabase database(String name) {
    NativeDatabase db = databases.get(name);
    if (db == null) {
      throw new SqlStateException(SqlState.INVALID_CATALOG_NAME,
          "database \"" + name + "\" does not exist");
    }
    return db;
  }

  @Override
  public java.util.List<String> databaseNames() {
    return databases.keySet().stream().sorted().toList();
  }

  /** Each database is its own store directory under the data directory (DESIGN §4). */
  /**
   * Every commit of the database, and every head move without one, is notified on channel
   * ygg_commits (DESIGN §4; see CommitAnnouncements).
   */
  private NativeDatabase announcingCommits(String name, NativeDatabase db) {
    org.yggdrasil.planner.attach.CommitAnnouncements.install(name, db,
        payload -> notifications.notify(name,
            org.yggdrasil.planner.session.NotificationHub.COMMITS,
            org.yggdrasil.planner.session.JsonText.of(payload),
            org.yggdrasil.planner.schema.functions.SessionInfo.currentProcessIdOrZero()));
    return db;
  }

  private static NativeDatabase openDatabase(EngineOptions options, String name) {
    if (options.inMemory()) {
      return NativeDatabase.inMemory(name);
    }
    java.nio.file.Path dir = options.dataDirectory().resolve(name);
    if (options.readOnly()) {
      if (!java.nio.file.Files.isDirectory(dir)) {
        throw new SqlStateException(SqlState.INVALID_CATALOG_NAME,
            "database directory " + dir + " does not exist; a read-only server needs a data"
                + " directory written by a running or earlier server");
      }
      return NativeDatabase.openReadOnly(dir);
    }
    NativeDatabase db = NativeDatabase.open(dir);
    // Attached systems keep their own state beside the store (CREATE SERVER).
    org.yggdrasil.planner.attach.SystemRegistry.stateRoot(db, dir.resolve("systems"));
    return db;
  }

  public EngineOptions options() {
    return options;
  }

  @Override
  public Session open(StartupParameters startup) {
    // "db:branch" pins the session's branch, "db@commit" its commit, at connect time (§4).
    String requested = startup.database();
    int colon = requested.indexOf(':');
    int at = requested.indexOf('@');
    int cut = colon >= 0 ? colon : at;
    String dbName = cut < 0 ? requested : requested.substring(0, cut);
    String pinnedBranch = colon < 0 ? null : requested.substring(colon + 1);
    String pinnedCommit = colon < 0 && at >= 0 ? requested.substring(at + 1) : null;
    NativeDatabase db = databases.get(dbName);
    if (db == null) {
      throw new SqlStateException(SqlState.INVALID_CATALOG_NAME,
          "database \"" + dbName + "\" does not exist");
    }
    int pid = nextProcessId.incrementAndGet();
    int secret = random.nextInt();
    java.util.Map<String, String> values = new java.util.HashMap<>(startup.values());
    if (pinnedBranch != null) {
      values.put("ygg.branch", pinnedBranch);
    }
    if (pinnedCommit != null) {
      values.put("ygg.commit_id", db.resolve(pinnedCommit));
    }
    YggSession session = SessionFactory.create(dbName, db, startup.user(), pid, secret,
        values, timer, () -> sessions.remove(pid), this);
    String branch = session.currentBranch();
    if (!db.branches().contains(branch)) {
      session.close();
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
          "branch \"" + branch + "\" does not exist in database \"" + dbName + "\"");
    }
    sessions.put(pid, session);
    return session;
  }

  @Override
  public void cancel(int processId, int secretKey) {
    YggSession s = sessions.get(processId);
    if (s != null && s.secretKey() == secretKey) {
      s.cancel();
    }
  }

  /** Number of open sessions (for tests and monitoring). */
  public int sessionCount() {
    return sessions.size();
  }

  @Override
  public void close() {
    for (YggSession s : sessions.values()) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    timer.shutdownNow();
    for (NativeDatabase db : databases.values()) {
      try {
        db.close();
      } catch (RuntimeException ignored) {
        // closing the rest anyway
      }
    }
  }
}
