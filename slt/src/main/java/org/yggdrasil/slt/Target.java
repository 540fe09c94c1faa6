package org.yggdrasil.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/** Where test files run: each file gets a fresh, empty database from {@link #open}. */
public interface Target extends AutoCloseable {

  /** A fresh empty database for one file. */
  Database open(String file) throws Exception;

  /** A short description for the report header. */
  String describe();

  /**
   * The engine names {@code skipif}/{@code onlyif} match on this target (lower case). Every
   * target is {@code postgresql}, the corpus's name for PostgreSQL's variants.
   */
  default java.util.Set<String> engines() {
    return java.util.Set.of(SltRunner.ENGINE);
  }

  @Override
  default void close() {}

  /** One file's database; {@link #connect} may be called again after a connection broke. */
  interface Database extends AutoCloseable {
    Connection connect() throws SQLException;

    @Override
    void close();
  }

  /** The URL options every connection uses; socketTimeout backs up the per-query timeout. */
  static Properties properties(String user, String password, int timeoutSeconds) {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", "30");
    p.setProperty("socketTimeout", Integer.toString(timeoutSeconds * 2 + 30));
    p.setProperty("ApplicationName", "ygg-slt");
    return p;
  }

  /** A fresh in-memory Yggdrasil engine and wire server per file, reached through pgjdbc. */
  final class InProcess implements Target {
    private final int timeoutSeconds;

    public InProcess(int timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      // The engine's background JIT warm-up of the vector kernels costs a core for a while and
      // buys nothing here: sqllogictest tables have at most 10000 rows. -Dygg.warmup=true keeps it.
      if (System.getProperty("ygg.warmup") == null) {
        System.setProperty("ygg.warmup", "false");
      }
    }

    @Override
    public String describe() {
      return "Yggdrasil in-process (fresh in-memory engine per file)";
    }

    @Override
    public java.util.Set<String> engines() {
      return java.util.Set.of(SltRunner.ENGINE, SltRunner.YGGDRASIL);
    }

    @Override
    public Database open(String file) {
      YggEngine engine = new YggEngine(EngineOptions.memory());
      PgServer server;
      try {
        server = PgServer.start(engine, "127.0.0.1", 0);
      } catch (RuntimeException e) {
        engine.close();
        throw e;
      }
      String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/ygg";
      Properties props = properties("ygg", null, timeoutSeconds);
      return new Database() {
        @Override
        public Connection connect() throws SQLException {
          return DriverManager.getConnection(url, props);
        }

        @Override
        public void close() {
          try {
            server.close();
          } finally {
            engine.close();
          }
        }
      };
    }
  }

  /**
   * Any PostgreSQL server (the reference mode): a database {@code slt_<pid>_<n>} is created for
   * each file and dropped afterwards. The user needs CREATEDB.
   */
  final class External implements Target {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final String url;
    private final Properties props;

    public External(String url, String user, String password, int timeoutSeconds) {
      this.url = url;
      this.props = properties(user, password, timeoutSeconds);
    }

    @Override
    public String describe() {
      return "external server " + url;
    }

    @Override
    public Database open(String file) throws SQLException {
      String name = "slt_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      try (Connection admin = DriverManager.getConnection(url, props);
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
        s.execute("CREATE DATABASE " + name);
      }
      String dbUrl = withDatabase(url, name);
      return new Database() {
        @Override
        public Connection connect() throws SQLException {
          return DriverManager.getConnection(dbUrl, props);
        }

        @Override
        public void close() {
          try (Connection admin = DriverManager.getConnection(url, props);
              Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          } catch (SQLException e) {
            System.err.println("slt: could not drop database " + name + ": " + e.getMessage());
          }
        }
      };
    }

    /** jdbc:postgresql://host:port/db?x=y with db replaced. */
    static String withDatabase(String url, String db) {
      int hostStart = url.indexOf("//");
      int slash = url.indexOf('/', hostStart + 2);
      int query = url.indexOf('?');
      String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
      String tail = query < 0 ? "" : url.substring(query);
      return head + "/" + db + tail;
    }
  }
}
