package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flyway 13 (Java API) migrates a project, re-runs as a no-op, and info/validate agree. */
class FlywayTest {
  @RegisterExtension static final TestServer server = new TestServer();

  private static Flyway flyway(String database) {
    return Flyway.configure()
        .dataSource("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, "ygg", "")
        .locations("classpath:flyway/shop")
        .load();
  }

  @Test
  void migratesThenDoesNothingAndValidates() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE DATABASE flyway_shop");
    }
    MigrateResult first = flyway("flyway_shop").migrate();
    assertEquals(3, first.migrationsExecuted);
    MigrateResult again = flyway("flyway_shop").migrate();
    assertEquals(0, again.migrationsExecuted);
    flyway("flyway_shop").validate();
    MigrationInfo[] applied = flyway("flyway_shop").info().applied();
    assertEquals(list("1", "2", "3"),
        Arrays.stream(applied).map(m -> m.getVersion().toString()).toList());
    assertEquals(true, Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));
    try (Connection c = server.connect("flyway_shop", new java.util.Properties())) {
      assertEquals(list("1|alice", "2|bob"), lines(c, "SELECT id, username FROM account ORDER BY id"));
      assertEquals(list("1|10.50|new", "2|99.99|paid"),
          lines(c, "SELECT account_id, amount, status FROM orders ORDER BY id"));
      assertEquals("3", one(c, "SELECT count(*) FROM flyway_schema_history WHERE success"));
    }
  }
}
