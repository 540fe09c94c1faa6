package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQLAlchemy 1.4 with psycopg2 (Debian's packages, which .ci/run installs; they load only in
 * /usr/bin/python3), running resources/python/sqlalchemy_check.py: create_all with a foreign
 * key, an index, unique and check constraints and comments; inspector reflection of tables,
 * columns, primary key, foreign keys, indexes, unique and check constraints and comments;
 * MetaData.reflect; ORM insert/query/relationship/update, a rollback, a foreign-key violation;
 * a session moved onto a branch with SET ygg.branch right after BEGIN, and reflection that
 * follows the branch; native enum types made by create_all, reflected, ordered by their sort
 * order and dropped by drop_all.
 */
class SqlAlchemyTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void sqlAlchemyWorksUnmodified() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "Debian's python3 is needed");
    assumeTrue(new ProcessBuilder(python.toString(), "-c", "import sqlalchemy, psycopg2").start()
        .waitFor() == 0, "python3-sqlalchemy and python3-psycopg2 are needed");
    try (Connection c = server.connect()) {
      Db.exec(c, "CREATE DATABASE sqlalchemy_shop");
    }
    Path script = Files.createTempFile("sqlalchemy_check", ".py");
    try (var in = getClass().getResourceAsStream("/python/sqlalchemy_check.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p = new ProcessBuilder(python.toString(), script.toString(),
        String.valueOf(server.port()), "sqlalchemy_shop").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
  }
}
