package org.yggdrasil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.session.SqlEngine;

/**
 * Our server in this process: an in-memory engine (nothing is left on disk) behind the wire
 * protocol on a free loopback port. Data goes in as a client's would, COPY FROM STDIN in text
 * format over pgjdbc, generated on the fly.
 */
final class OurServer implements AutoCloseable {
  static final String DATABASE = "ygg";
  static final String USER = "ygg";

  private final SqlEngine engine;
  private final PgServer server;

  OurServer() {
    engine = new YggEngine(EngineOptions.memory());
    try {
      server = PgServer.start(engine, "127.0.0.1", 0);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  SqlEngine engine() {
    return engine;
  }

  Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("ApplicationName", "ygg-bench");
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + DATABASE, p);
  }

  void load(int rows, List<BenchTable> tables, PrintStream log) throws SQLException, IOException {
    try (Connection c = connect()) {
      for (BenchTable t : tables) {
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
          s.execute(t.createTable(t.yggTypes()));
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        try (AsciiLineStream out = new AsciiLineStream(new PGCopyOutputStream(pg,
            "COPY " + t.name() + " FROM STDIN", 1 << 20))) {
          t.data().generate(rows, '\t', out);
          out.finish();
        }
        log.printf("  ours: loaded %s (COPY FROM STDIN over pgwire) in %.1f s%n", t.name(),
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      engine.close();
    }
  }
}
