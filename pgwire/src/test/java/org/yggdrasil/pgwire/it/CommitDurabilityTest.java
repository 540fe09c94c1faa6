package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit acknowledged to a pgjdbc client is in the data directory's files when the client sees
 * it, without a clean shutdown: the files of a running server, copied as they are (what kill -9
 * leaves behind), open with every acknowledged row and sequence value.
 */
class CommitDurabilityTest {
  @TempDir Path dir;

  @Test
  void theFilesOfARunningServerHoldEveryAcknowledgedCommit() throws Exception {
    Path data = dir.resolve("data");
    Path crashed = dir.resolve("crashed");
    long lastSeq;
    try (DiskServer server = new DiskServer(data); Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id int8 PRIMARY KEY, v text)");
      s.execute("CREATE SEQUENCE s");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 0; i < 20; i++) { // autocommit: one commit each
          ps.setLong(1, i);
          ps.setString(2, "auto " + i);
          ps.executeUpdate();
        }
      }
      c.setAutoCommit(false);
      s.execute("INSERT INTO t SELECT g, 'tx' FROM generate_series(100, 109) g");
      c.commit();
      c.setAutoCommit(true);
      lastSeq = 0;
      for (int i = 0; i < 3; i++) {
        try (ResultSet rs = s.executeQuery("SELECT nextval('s')")) {
          rs.next();
          lastSeq = rs.getLong(1);
        }
      }
      concurrentAutocommitInserts(server, 4, 25, 1000);
      copyTree(data, crashed); // the server is still running: nothing was closed or checkpointed
    }
    try (DiskServer server = new DiskServer(crashed); Connection c = server.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE id >= 1000) FROM t")) {
        rs.next();
        assertEquals(20 + 10 + 4 * 25, rs.getLong(1));
        assertEquals(4 * 25, rs.getLong(2));
      }
      try (ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = 19")) {
        rs.next();
        assertEquals("auto 19", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT nextval('s')")) {
        rs.next();
        assertTrue(rs.getLong(1) > lastSeq, "a sequence never repeats after a crash");
      }
    }
  }

  /** {@code connections} clients each inserting {@code each} rows in autocommit at the same time. */
  private static void concurrentAutocommitInserts(DiskServer server, int connections, int each, long firstId)
      throws Exception {
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < connections; k++) {
      long base = firstId + (long) k * each;
      Thread t = new Thread(() -> {
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
          for (int i = 0; i < each; i++) {
            ps.setLong(1, base + i);
            ps.setString(2, "concurrent");
            while (true) {
              try {
                ps.executeUpdate();
                break;
              } catch (SQLException e) {
                if (!"40001".equals(e.getSQLState())) { // first committer wins; not committed: retry
                  throw e;
                }
              }
            }
          }
        } catch (SQLException | RuntimeException e) {
          errors.add(e);
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), errors);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
