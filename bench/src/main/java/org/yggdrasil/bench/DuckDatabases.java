package org.yggdrasil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * DuckDB's two storage modes as perf-anchors §1 ran them: a database file loaded with read_csv
 * and CHECKPOINTed (compressed), and an in-memory database copied from it (uncompressed).
 */
final class DuckDatabases {
  private DuckDatabases() {}

  /** Loads every table from CSV into a new database file and checkpoints it. */
  static void loadFile(Path file, Map<TableData, Path> csv, List<BenchTable> tables,
      PrintStream log) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      for (BenchTable t : tables) {
        long start = System.nanoTime();
        s.execute("CREATE TABLE " + t.name() + " AS SELECT * FROM read_csv('"
            + csv.get(t.data()) + "', header = true, delim = ',', columns = "
            + t.duckColumnsStruct() + ")");
        log.printf("  DuckDB file: loaded %s in %.1f s%n", t.name(),
            (System.nanoTime() - start) / 1e9);
      }
      long start = System.nanoTime();
      s.execute("CHECKPOINT");
      log.printf("  DuckDB file: CHECKPOINT in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
  }

  static Connection openFile(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + file);
  }

  /** A new in-memory database holding a copy of every table of {@code file}. */
  static Connection openMemoryCopy(Path file, List<BenchTable> tables, PrintStream log)
      throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      long start = System.nanoTime();
      s.execute("ATTACH '" + file + "' AS src (READ_ONLY)");
      for (BenchTable t : tables) {
        s.execute("CREATE TABLE " + t.name() + " AS SELECT * FROM src." + t.name());
      }
      s.execute("DETACH src");
      log.printf("  DuckDB memory: copied from the file in %.1f s%n",
          (System.nanoTime() - start) / 1e9);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** e.g. {@code v2.0.0 (d54cbbe3df)}. */
  static String version() {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA version")) {
      rs.next();
      return rs.getString("library_version") + " (" + rs.getString("source_id") + ")";
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + ".wal"));
    } catch (IOException ignored) {
      // A temporary file: the directory goes too.
    }
  }
}
