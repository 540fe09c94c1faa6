package org.yggdrasil.pgwire.it;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.yggdrasil.planner.engine.EngineOptions;

/**
 * A Yggdrasil server on an ephemeral port, in this JVM, with an in-memory engine; one per test
 * class:
 *
 * <pre>
 *   &#64;RegisterExtension static final TestServer server = new TestServer();
 * </pre>
 *
 * <p>The engine and the server are created by reflection so that these tests compile while
 * {@code YggEngine} and {@code PgServer} are being written; switch to direct calls once they
 * exist.
 *
 * <p>With {@code -Dygg.it.external=host:port} the tests run against an already running server
 * instead, e.g. a real PostgreSQL 15 with a database {@code ygg} owned by a superuser role
 * {@code ygg}: that is how the expectations in these tests were checked. Tests of behaviour that
 * is Yggdrasil's own (not PostgreSQL's) skip themselves there, see {@link #isReferencePostgres()}.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {

  public static final String HOST = "127.0.0.1";
  public static final String DATABASE = "ygg";
  public static final String USER = "ygg";

  private static final String EXTERNAL = System.getProperty("ygg.it.external", "").trim();

  private AutoCloseable engine;
  private Object server;
  private Method serverClose;
  private String host = HOST;
  private int port = -1;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!EXTERNAL.isEmpty()) {
      int colon = EXTERNAL.lastIndexOf(':');
      host = EXTERNAL.substring(0, colon);
      port = Integer.parseInt(EXTERNAL.substring(colon + 1));
      return;
    }
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  private void start() throws Exception {
    Class<?> engineClass = Class.forName("org.yggdrasil.planner.engine.YggEngine");
    engine =
        (AutoCloseable)
            unwrap(() -> engineClass.getConstructor(EngineOptions.class)
                .newInstance(EngineOptions.memory()));
    Class<?> serverClass = Class.forName("org.yggdrasil.pgwire.server.PgServer");
    Method start = null;
    for (Method m : serverClass.getMethods()) {
      if (m.getName().equals("start")
          && m.getParameterCount() == 3
          && m.getParameterTypes()[0].isInstance(engine)
          && m.getParameterTypes()[1] == String.class
          && m.getParameterTypes()[2] == int.class) {
        start = m;
      }
    }
    if (start == null) {
      throw new IllegalStateException("PgServer.start(SqlEngine, String, int) not found");
    }
    Method startMethod = start;
    Object target =
        Modifier.isStatic(startMethod.getModifiers())
            ? null
            : serverClass.getConstructor().newInstance();
    Object started = unwrap(() -> startMethod.invoke(target, engine, HOST, 0));
    server = started != null ? started : target;
    port = (Integer) server.getClass().getMethod("port").invoke(server);
    serverClose = server.getClass().getMethod("close");
  }

  private void stop() throws Exception {
    try {
      if (server != null) {
        unwrap(() -> serverClose.invoke(server));
      }
    } finally {
      server = null;
      if (engine != null) {
        engine.close();
        engine = null;
      }
    }
  }

  private interface Call {
    Object call() throws Exception;
  }

  private static Object unwrap(Call call) throws Exception {
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** True when the tests run against a real PostgreSQL ({@code -Dygg.it.external}). */
  public static boolean isReferencePostgres() {
    return !EXTERNAL.isEmpty();
  }

  public String host() {
    return host;
  }

  public int port() {
    if (port < 0) {
      throw new IllegalStateException("server not started");
    }
    return port;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/ygg}. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port() + "/" + database;
  }

  /** Properties every test connection uses; timeouts keep a broken server from hanging CI. */
  public static Properties defaultProperties() {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("connectTimeout", "10");
    p.setProperty("socketTimeout", "120");
    return p;
  }

  public Connection connect() throws SQLException {
    return connect(new Properties());
  }

  /** Connects with the default properties overridden by {@code extra}. */
  public Connection connect(Properties extra) throws SQLException {
    return connect(DATABASE, extra);
  }

  public Connection connect(String database, Properties extra) throws SQLException {
    Properties p = defaultProperties();
    p.putAll(extra);
    return DriverManager.getConnection(jdbcUrl(database), p);
  }

  /** Connects with pgjdbc options given as alternating names and values. */
  public Connection connect(String... options) throws SQLException {
    Properties p = new Properties();
    for (int i = 0; i + 1 < options.length; i += 2) {
      p.setProperty(options[i], options[i + 1]);
    }
    return connect(p);
  }
}
