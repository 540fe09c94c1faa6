package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SQL cursors (DECLARE / FETCH / MOVE / CLOSE), through pgjdbc and psycopg2's named cursors. */
class CursorTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void data() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS cur_t", "CREATE TABLE cur_t (id int PRIMARY KEY, v text)",
          "INSERT INTO cur_t SELECT g, 'v' || g FROM generate_series(1, 10) g");
    }
  }

  @Test
  void fetchInPiecesThenClose() throws SQLException {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      exec(c, "DECLARE cur1 CURSOR FOR SELECT id, v FROM cur_t ORDER BY id");
      assertEquals(list("1|v1", "2|v2", "3|v3"), lines(c, "FETCH FORWARD 3 FROM cur1"));
      assertEquals(list("4|v4"), lines(c, "FETCH NEXT FROM cur1"));
      assertEquals(list("5|v5"), lines(c, "FETCH cur1"));
      exec(c, "MOVE FORWARD 2 IN cur1");
      assertEquals(list("8|v8", "9|v9", "10|v10"), lines(c, "FETCH ALL FROM cur1"));
      assertEquals(list(), lines(c, "FETCH 5 FROM cur1"));
      exec(c, "CLOSE cur1");
      failsWith("34000", () -> lines(c, "FETCH 1 FROM cur1"));
      c.rollback();
    }
  }

  @Test
  void cursorsWithoutHoldEndWithTheTransaction() throws SQLException {
    try (Connection c = server.connect()) {
      failsWith("25P01", () -> exec(c, "DECLARE nohold CURSOR FOR SELECT 1"));
      c.setAutoCommit(false);
      exec(c, "DECLARE tx_cur CURSOR FOR SELECT id FROM cur_t ORDER BY id",
          "DECLARE held CURSOR WITH HOLD FOR SELECT id FROM cur_t ORDER BY id");
      failsWith("42P03", () -> exec(c, "DECLARE held CURSOR FOR SELECT 2"));
      c.rollback();
      exec(c, "DECLARE tx_cur CURSOR FOR SELECT id FROM cur_t ORDER BY id",
          "DECLARE held CURSOR WITH HOLD FOR SELECT id FROM cur_t ORDER BY id");
      c.commit();
      c.setAutoCommit(true);
      failsWith("34000", () -> lines(c, "FETCH 1 FROM tx_cur"));
      assertEquals(list("1", "2"), lines(c, "FETCH 2 FROM held"));
      exec(c, "CLOSE ALL");
      failsWith("34000", () -> lines(c, "FETCH 1 FROM held"));
    }
  }

  /** psycopg2's named (server-side) cursor streams a result in itersize pieces. */
  @Test
  void psycopg2NamedCursor() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "Debian's python3 is needed");
    ProcessBuilder check = new ProcessBuilder(python.toString(), "-c", "import psycopg2");
    assumeTrue(check.start().waitFor() == 0, "python3-psycopg2 is needed");
    String script = String.join("\n",
        "import psycopg2, sys",
        "conn = psycopg2.connect(host='127.0.0.1', port=int(sys.argv[1]), user='ygg', dbname='ygg')",
        "cur = conn.cursor(name='stream')",
        "cur.itersize = 3",
        "cur.execute('SELECT id, v FROM cur_t ORDER BY id')",
        "rows = [r for r in cur]",
        "cur.close()",
        "conn.commit()",
        "print(len(rows), rows[0], rows[-1])");
    Process p = new ProcessBuilder(python.toString(), "-c", script, String.valueOf(server.port()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals("10 (1, 'v1') (10, 'v10')", out);
  }
}
