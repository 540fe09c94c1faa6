package org.yggdrasil.pgwire.it;

import io.netty.handler.ssl.SslContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * A Yggdrasil server on an ephemeral port, in this JVM, with an in-memory engine; one per test
 * class:
 *
 * <pre>
 *   &#64;RegisterExtension static final TestServer server = new TestServer();
 * </pre>
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

  private YggEngine engine;
  private PgServer server;
  private Authentication authentication = Authentication.TRUST;
  private SslContext tls;
  private String host = HOST;
  private int port = -1;

  /** Asks clients for passwords as {@code auth} says (default: trust). Before the server starts. */
  public TestServer authentication(Authentication auth) {
    this.authentication = auth;
    return this;
  }

  /** Accepts TLS with {@code context} (default: SSLRequest is answered 'N'). */
  public TestServer tls(SslContext context) {
    this.tls = context;
    return this;
  }

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

  private void start() {
    engine = new YggEngine(EngineOptions.memory());
    server = PgServer.start(engine, HOST, 0, authentication, tls);
    port = server.port();
  }

  private void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      if (engine != null) {
        engine.close();
        engine = null;
      }
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
