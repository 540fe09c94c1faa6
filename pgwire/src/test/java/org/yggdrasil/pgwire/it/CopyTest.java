package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/**
 * COPY FROM STDIN and TO STDOUT through pgjdbc's CopyManager (the simple-protocol path bulk
 * loaders use). Expected bytes are what PostgreSQL 15 sends for the same data; the class also
 * passes against a real PostgreSQL ({@code -Dygg.it.external}), except the branch test.
 */
class CopyTest {
  @RegisterExtension static final TestServer server = new TestServer();

  private static CopyManager copy(Connection c) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI();
  }

  private static long copyIn(Connection c, String sql, String data)
      throws SQLException, IOException {
    return copy(c).copyIn(sql, new StringReader(data));
  }

  private static String copyOut(Connection c, String sql) throws SQLException, IOException {
    StringWriter out = new StringWriter();
    copy(c).copyOut(sql, out);
    return out.toString();
  }

  /** The CONTEXT line of a server error. */
  private static String where(SQLException e) {
    return ((PSQLException) e).getServerErrorMessage().getWhere();
  }

  @Test
  void textRoundTripOfEveryKindOfValue() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_types (id int8, n int4, s text, flag bool, amount numeric(10,2),"
          + " at timestamp, day date, raw bytea, ratio float8)");
      String data = "1\t-7\tplain\tt\t12.50\t2024-01-02 03:04:05.123456\t2024-02-29\t\\\\x00ff\t1.5\n"
          + "2\t\\N\ttab\\there\\nnewline \\\\ back\tf\t-0.01\t\\N\t\\N\t\\N\t\\N\n"
          + "3\t2147483647\t\\101\\x42 octal, hex\ttrue\t3\t2020-12-31 23:59:59\t1999-01-01\t"
          + "\\\\x\t-2.25e-5\n";
      assertEquals(3, copyIn(c, "COPY cp_types FROM STDIN", data));
      assertEquals(list("1|-7|plain|t|12.50", "2|NULL|tab\there\nnewline \\ back|f|-0.01",
          "3|2147483647|AB octal, hex|t|3.00"),
          lines(c, "SELECT id, n, s, flag, amount FROM cp_types ORDER BY id"));
      assertEquals("1\t-7\tplain\tt\t12.50\t2024-01-02 03:04:05.123456\t2024-02-29\t\\\\x00ff\t1.5\n"
          + "2\t\\N\ttab\\there\\nnewline \\\\ back\tf\t-0.01\t\\N\t\\N\t\\N\t\\N\n"
          + "3\t2147483647\tAB octal, hex\tt\t3.00\t2020-12-31 23:59:59\t1999-01-01\t\\\\x\t"
          + "-2.25e-05\n",
          copyOut(c, "COPY cp_types TO STDOUT"));
    }
  }

  @Test
  void moreTypesInTheSessionsTimeZoneAndFloatSettings() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_more (at timestamptz, r float4, s int2, id uuid, v varchar(5),"
          + " ch char(4), d float8, n numeric)",
          "SET TimeZone = 'Europe/Stockholm'");
      assertEquals(2, copyIn(c, "COPY cp_more FROM STDIN", "2024-06-01 12:00:00.5+02\t1.25\t-3"
          + "\tA0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\tab   \tx\t1e300\t0.000100\n"
          + "\\N\tNaN\t32767\t\\N\t\t\t-Infinity\t-12345678901234567890.5\n"));
      assertEquals("2024-06-01 12:00:00.5+02\t1.25\t-3\ta0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\tab   "
          + "\tx   \t1e+300\t0.000100\n"
          + "\\N\tNaN\t32767\t\\N\t\t    \t-Infinity\t-12345678901234567890.5\n",
          copyOut(c, "COPY cp_more TO STDOUT"));
      assertEquals("2024-06-01 12:00:00.5+02,1.25,-3,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,ab   ,"
          + "x   ,1e+300,0.000100\n"
          + ",NaN,32767,,\"\",    ,-Infinity,-12345678901234567890.5\n",
          copyOut(c, "COPY cp_more TO STDOUT CSV"));
      SQLException e = failsWith("22001", () -> copyIn(c, "COPY cp_more (v) FROM STDIN",
          "abcdef\n"));
      assertEquals("COPY cp_more, line 1, column v: \"abcdef\"", where(e));
    }
  }

  @Test
  void csvWithHeaderDelimiterNullAndQuoteOptions() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_csv (id int, name text, note text)");
      String data = "id;name;note\n"
          + "1;'semi;colon';NULL\n"
          + "2;'it''s';''\n"
          + "3;'two\nlines';x\n";
      assertEquals(3, copyIn(c, "COPY cp_csv FROM STDIN WITH (FORMAT csv, HEADER true,"
          + " DELIMITER ';', NULL 'NULL', QUOTE '''')", data));
      assertEquals(list("1|semi;colon|NULL", "2|it's|", "3|two\nlines|x"),
          lines(c, "SELECT * FROM cp_csv ORDER BY id"));
      assertEquals("id,name,note\n1,semi;colon,\n2,it's,\"\"\n3,\"two\nlines\",x\n",
          copyOut(c, "COPY cp_csv TO STDOUT WITH (FORMAT csv, HEADER)"));
      assertEquals("name|id\nsemi;colon|1\nit's|2\n\"two\nlines\"|3\n",
          copyOut(c, "COPY cp_csv (name, id) TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER '|')"));
      assertEquals("\"1\",\"semi;colon\",NULL\n",
          copyOut(c, "COPY (SELECT * FROM cp_csv WHERE id = 1) TO STDOUT"
              + " WITH (FORMAT csv, FORCE_QUOTE *, NULL 'NULL')"));
    }
  }

  @Test
  void legacyOptionSyntaxAsPsqlAndPgDumpWriteIt() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_legacy (a int, b text)");
      assertEquals(2, copyIn(c, "COPY cp_legacy (a, b) FROM STDIN WITH CSV HEADER DELIMITER ','"
          + " NULL AS ''", "a,b\n1,\n2,\"\"\n"));
      assertEquals(list("1|NULL", "2|"), lines(c, "SELECT * FROM cp_legacy ORDER BY a"));
      assertEquals(1, copyIn(c, "COPY cp_legacy FROM STDIN DELIMITER '|' NULL AS 'none'",
          "3|none\n"));
      assertEquals("1|\n2|\n3|\n", copyOut(c, "COPY cp_legacy TO STDOUT WITH DELIMITER '|'"
          + " NULL AS ''"));
      assertEquals("a\n\"1\"\n\"2\"\n\"3\"\n", copyOut(c,
          "COPY (SELECT a FROM cp_legacy ORDER BY a) TO STDOUT CSV HEADER FORCE QUOTE *"));
    }
  }

  @Test
  void headerMatchChecksTheColumnNames() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_match (a int, b text)");
      assertEquals(1, copyIn(c, "COPY cp_match FROM STDIN (FORMAT csv, HEADER match)",
          "a,b\n1,x\n"));
      SQLException e = failsWith("22P04", () -> copyIn(c,
          "COPY cp_match FROM STDIN (FORMAT csv, HEADER match)", "a,c\n2,y\n"));
      assertEquals("ERROR: column name mismatch in header line field 2: got \"c\", expected \"b\"",
          e.getMessage().lines().findFirst().orElseThrow());
      assertEquals("COPY cp_match, line 1: \"a,c\"", where(e));
    }
  }

  @Test
  void aBadRowFailsTheWholeCopyWithItsLineAndNothingIsCommitted() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_bad (a int, b text)");
      StringBuilder data = new StringBuilder();
      for (int i = 1; i <= 20_000; i++) {
        data.append(i).append("\trow ").append(i).append('\n');
      }
      data.append("oops\tbad\n");
      SQLException e = failsWith("22P02", () -> copyIn(c, "COPY cp_bad FROM STDIN", data + ""));
      assertEquals("COPY cp_bad, line 20001, column a: \"oops\"", where(e));
      assertEquals("0", one(c, "SELECT count(*) FROM cp_bad"), "earlier batches went too");

      e = failsWith("22P04", () -> copyIn(c, "COPY cp_bad FROM STDIN", "1\tx\n2\n"));
      assertEquals("ERROR: missing data for column \"b\"",
          e.getMessage().lines().findFirst().orElseThrow());
      assertEquals("COPY cp_bad, line 2: \"2\"", where(e));
      e = failsWith("22P04", () -> copyIn(c, "COPY cp_bad FROM STDIN", "1\tx\ty\n"));
      assertEquals("COPY cp_bad, line 1: \"1\tx\ty\"", where(e));
      e = failsWith("22P04", () -> copyIn(c, "COPY cp_bad FROM STDIN CSV", "1,\"open\n"));
      assertEquals("ERROR: unterminated CSV quoted field",
          e.getMessage().lines().findFirst().orElseThrow());
      assertEquals("0", one(c, "SELECT count(*) FROM cp_bad"));
      assertEquals(1, copyIn(c, "COPY cp_bad FROM STDIN", "1\tfine\n"), "connection usable");
    }
  }

  @Test
  void invalidUtf8IsRejectedWhetherRawOrMadeByAnEscape() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_utf8 (a int, b text)");
      CopyManager copy = copy(c);
      SQLException e = failsWith("22021", () -> copy.copyIn("COPY cp_utf8 FROM STDIN",
          new java.io.ByteArrayInputStream(new byte[] {'1', '\t', (byte) 0xFF, '\n'})));
      assertEquals("ERROR: invalid byte sequence for encoding \"UTF8\": 0xff",
          e.getMessage().lines().findFirst().orElseThrow());
      assertEquals("COPY cp_utf8, line 1", where(e));
      e = failsWith("22021", () -> copyIn(c, "COPY cp_utf8 FROM STDIN", "1\tab\\377c\n"));
      assertEquals("COPY cp_utf8, line 1: \"1\tab\\377c\"", where(e));
      e = failsWith("22021", () -> copyIn(c, "COPY cp_utf8 FROM STDIN", "1\tab\\000c\n"));
      assertEquals("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00",
          e.getMessage().lines().findFirst().orElseThrow());
      assertEquals(1, copyIn(c, "COPY cp_utf8 FROM STDIN", "2\t\uFFFD and \u00e9\n"));
      assertEquals("\uFFFD and \u00e9", one(c, "SELECT b FROM cp_utf8"));
    }
  }

  @Test
  void constraintViolationsNameTheirLine() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_keys (id int PRIMARY KEY, v text NOT NULL)");
      SQLException e = failsWith("23502", () -> copyIn(c, "COPY cp_keys FROM STDIN",
          "1\ta\n2\t\\N\n"));
      assertEquals("COPY cp_keys, line 2: \"2\t\\N\"", where(e));
      e = failsWith("23505", () -> copyIn(c, "COPY cp_keys FROM STDIN", "1\ta\n2\tb\n1\tc\n"));
      assertEquals("COPY cp_keys, line 3", where(e));
      assertEquals("0", one(c, "SELECT count(*) FROM cp_keys"));
    }
  }

  @Test
  void copyFailFromTheClientAbortsTheCopy() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_cancel (a int)");
      CopyIn in = copy(c).copyIn("COPY cp_cancel FROM STDIN");
      byte[] rows = "1\n2\n".getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(rows, 0, rows.length);
      in.cancelCopy();
      assertEquals("0", one(c, "SELECT count(*) FROM cp_cancel"));
    }
  }

  /** psql sends a CancelRequest on Ctrl-C during \copy; the copy stops with 57014. */
  @Test
  void aCancelRequestBetweenCopyDataMessagesStopsTheCopy() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_stop (a int)");
      CopyIn in = copy(c).copyIn("COPY cp_stop FROM STDIN");
      byte[] rows = "1\n2\n".getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(rows, 0, rows.length);
      in.flushCopy();
      // Sends the CancelRequest and waits until the server has closed that connection.
      c.unwrap(org.postgresql.core.BaseConnection.class).cancelQuery();
      SQLException e = failsWith("57014", () -> {
        in.writeToCopy(rows, 0, rows.length);
        in.endCopy();
      });
      assertEquals("ERROR: canceling statement due to user request",
          e.getMessage().lines().findFirst().orElseThrow());
      assertEquals("0", one(c, "SELECT count(*) FROM cp_stop"));
    }
  }

  @Test
  void insideATransactionCopyIsRolledBackAndAFailedCopyFailsTheBlock() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_tx (a int)");
      c.setAutoCommit(false);
      assertEquals(2, copyIn(c, "COPY cp_tx FROM STDIN", "1\n2\n"));
      assertEquals("2", one(c, "SELECT count(*) FROM cp_tx"), "the transaction sees its rows");
      c.rollback();
      assertEquals("0", one(c, "SELECT count(*) FROM cp_tx"));
      c.commit();

      copyIn(c, "COPY cp_tx FROM STDIN", "1\n");
      failsWith("22P02", () -> copyIn(c, "COPY cp_tx FROM STDIN", "x\n"));
      failsWith("25P02", () -> one(c, "SELECT count(*) FROM cp_tx"));
      c.rollback();
      c.setAutoCommit(true);
      assertEquals("0", one(c, "SELECT count(*) FROM cp_tx"));
    }
  }

  @Test
  void largeInputStreamsThroughInBatches() throws Exception {
    int rows = 300_000;
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_big (id int8, k int4, s text)");
      long copied = copy(c).copyIn("COPY cp_big FROM STDIN", new GeneratedRows(rows), 8192);
      assertEquals(rows, copied);
      assertEquals(list(rows + "|" + ((long) rows * (rows + 1) / 2) + "|999"),
          lines(c, "SELECT count(*), sum(id), max(k) FROM cp_big"));
      assertEquals("row 123456", one(c, "SELECT s FROM cp_big WHERE id = 123456"));
    }
  }

  @Test
  void missingTableUnknownColumnAndServerFilesAreRefused() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_err (a int)");
      failsWith("42P01", () -> copyIn(c, "COPY cp_nope FROM STDIN", ""));
      failsWith("42P01", () -> copyOut(c, "COPY cp_nope TO STDOUT"));
      failsWith("42703", () -> copyIn(c, "COPY cp_err (zz) FROM STDIN", ""));
      failsWith("42703", () -> copyOut(c, "COPY cp_err (zz) TO STDOUT"));
      failsWith("22023", () -> copyIn(c, "COPY cp_err FROM STDIN (FORMAT foo)", ""));
      failsWith("42601", () -> copyIn(c, "COPY cp_err FROM STDIN (bogus 1)", ""));
      failsWith("0A000", () -> copyIn(c, "COPY cp_err FROM STDIN (DELIMITER 'ab')", ""));
    }
  }

  @Test
  void serverSideFilesAreNotSupported() throws Exception {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "PostgreSQL reads server files");
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_file (a int)");
      SQLException e = failsWith("0A000", () -> exec(c, "COPY cp_file FROM '/etc/passwd'"));
      assertEquals("ERROR: COPY from a file is not supported: only STDIN and STDOUT are",
          e.getMessage().lines().findFirst().orElseThrow());
      failsWith("0A000", () -> exec(c, "COPY cp_file TO '/tmp/x'"));
      failsWith("0A000", () -> exec(c, "COPY cp_file FROM PROGRAM 'ls'"));
    }
  }

  @Test
  void copyWritesToTheSessionsBranch() throws Exception {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE cp_branch (a int)", "SELECT ygg.create_branch('cp_dev', 'main')",
          "SET ygg.branch = 'cp_dev'");
      assertEquals(2, copyIn(c, "COPY cp_branch FROM STDIN", "1\n2\n"));
      assertEquals("1\n2\n", copyOut(c, "COPY (SELECT a FROM cp_branch ORDER BY a) TO STDOUT"));
      exec(c, "SET ygg.branch = 'main'");
      assertEquals("0", one(c, "SELECT count(*) FROM cp_branch"));
    }
  }

  /** {@code id \t id%1000 \t row id} lines, made as they are read: nothing is held in memory. */
  private static final class GeneratedRows extends InputStream {
    private final int rows;
    private int next = 1;
    private byte[] line = new byte[0];
    private int pos;

    GeneratedRows(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (pos == line.length) {
        if (next > rows) {
          return -1;
        }
        line = (next + "\t" + (next % 1000) + "\trow " + next + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        next++;
        pos = 0;
      }
      return line[pos++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }
}
