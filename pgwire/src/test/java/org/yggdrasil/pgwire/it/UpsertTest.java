package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.update;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** INSERT … ON CONFLICT DO NOTHING / DO UPDATE, with the answers PostgreSQL 15 gives. */
class UpsertTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void doNothingSkipsConflictingRows() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE up_n (id int PRIMARY KEY, code text UNIQUE, v int)",
          "INSERT INTO up_n VALUES (1, 'a', 10)");
      assertEquals(1, update(c, "INSERT INTO up_n VALUES (1, 'x', 0), (2, 'b', 20)"
          + " ON CONFLICT DO NOTHING"));
      assertEquals(0, update(c, "INSERT INTO up_n VALUES (3, 'a', 30) ON CONFLICT DO NOTHING"),
          "a conflict on any unique key counts");
      assertEquals(1, update(c, "INSERT INTO up_n VALUES (4, 'd', 1), (4, 'e', 2)"
          + " ON CONFLICT (id) DO NOTHING"), "the second proposed row collides with the first");
      assertEquals(list("1|a|10", "2|b|20", "4|d|1"), lines(c, "SELECT * FROM up_n ORDER BY id"));
      failsWith("42P10", () -> exec(c, "INSERT INTO up_n VALUES (9, 'z', 0) ON CONFLICT (v)"
          + " DO NOTHING"));
    }
  }

  @Test
  void doUpdateUsesExcludedAndTheExistingRow() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE up_u (id int PRIMARY KEY, hits int NOT NULL, note text)",
          "INSERT INTO up_u VALUES (1, 1, 'first')");
      assertEquals(list("1|2|again", "2|1|new"), lines(c, "INSERT INTO up_u VALUES"
          + " (1, 1, 'again'), (2, 1, 'new') ON CONFLICT (id) DO UPDATE"
          + " SET hits = up_u.hits + excluded.hits, note = excluded.note RETURNING *"));
      assertEquals(0, update(c, "INSERT INTO up_u VALUES (1, 5, 'skip') ON CONFLICT (id)"
          + " DO UPDATE SET note = excluded.note WHERE up_u.hits > 10"));
      assertEquals(1, update(c, "INSERT INTO up_u VALUES (1, 5, 'counted') ON CONFLICT"
          + " ON CONSTRAINT up_u_pkey DO UPDATE SET hits = up_u.hits + 1"));
      assertEquals(list("1|3|again", "2|1|new"), lines(c, "SELECT * FROM up_u ORDER BY id"));
      failsWith("21000", () -> exec(c, "INSERT INTO up_u VALUES (5, 1, 'x'), (5, 2, 'y')"
          + " ON CONFLICT (id) DO UPDATE SET hits = excluded.hits"));
      failsWith("42601", () -> exec(c, "INSERT INTO up_u VALUES (6, 1, 'x')"
          + " ON CONFLICT DO UPDATE SET hits = 1"));
    }
  }

  @Test
  void upsertWithParametersAsOrmsSendIt() throws SQLException {
    try (Connection c = server.connect();
        var ps = c.prepareStatement("INSERT INTO up_p (k, v) VALUES (?, ?)"
            + " ON CONFLICT (k) DO UPDATE SET v = excluded.v")) {
      exec(c, "CREATE TABLE IF NOT EXISTS up_p (k text PRIMARY KEY, v int)");
      for (int i = 0; i < 3; i++) {
        ps.setString(1, "key");
        ps.setInt(2, i);
        assertEquals(1, ps.executeUpdate());
      }
      assertEquals(list("key|2"), lines(c, "SELECT * FROM up_p"));
    }
  }
}
