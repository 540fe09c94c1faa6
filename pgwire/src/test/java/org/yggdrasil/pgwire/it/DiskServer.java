package org.yggdrasil.pgwire.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/** A server over a data directory, for tests that restart it and expect their objects back. */
final class DiskServer implements AutoCloseable {
  private final YggEngine engine;
  private final PgServer server;

  DiskServer(Path dir) {
    engine = new YggEngine(new EngineOptions(dir, false, false));
    server = PgServer.start(engine, TestServer.HOST, 0);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + TestServer.HOST + ":" + server.port()
        + "/" + TestServer.DATABASE, TestServer.defaultProperties());
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
