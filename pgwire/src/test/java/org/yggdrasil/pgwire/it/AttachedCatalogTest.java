package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached systems in pg_catalog, as PostgreSQL shows foreign tables: a schema per server,
 * relkind 'f' tables with their columns, pg_foreign_server / pg_foreign_data_wrapper /
 * pg_foreign_table, so that psql's describe commands and pgjdbc's metadata list them, on main
 * and on the session's branch. The expected psql output is what PostgreSQL 15 prints for
 * foreign tables of the same shape ({@code CREATE FOREIGN TABLE repo.files (…) SERVER repo}).
 */
class AttachedCatalogTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @TempDir static Path tmp;

  @BeforeAll
  static void attach() throws Exception {
    assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own CREATE SERVER wrappers");
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("prices.csv"), "sku,price\nA,10\nB,20\n");
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE orders (id int PRIMARY KEY, sku text, qty int)",
          "CREATE SERVER repo FOREIGN DATA WRAPPER git OPTIONS (path '" + tmp.resolve("repo.git")
              + "', create 'true')",
          "CREATE SERVER data FOREIGN DATA WRAPPER files OPTIONS (path '" + data + "')");
    }
  }

  @Test
  void psqlDescribesAttachedTablesAsForeignTables() throws Exception {
    assertEquals("""
              List of schemas
          Name  |       Owner      \s
        --------+-------------------
         data   | ygg
         public | pg_database_owner
         repo   | ygg
        (3 rows)

        """, psql("\\dn"));
    assertEquals("""
                              Foreign table "repo.files"
            Column     |  Type  | Collation | Nullable | Default | FDW options\s
        ---------------+--------+-----------+----------+---------+-------------
         path          | text   |           | not null |         |\s
         size          | bigint |           |          |         |\s
         mode          | text   |           |          |         |\s
         blob_id       | text   |           |          |         |\s
         content       | text   |           |          |         |\s
         content_bytes | bytea  |           |          |         |\s
        Server: repo

        """, psql("\\d repo.files"));
    assertEquals("""
                          Foreign table "data.prices"
         Column |  Type  | Collation | Nullable | Default | FDW options\s
        --------+--------+-----------+----------+---------+-------------
         sku    | text   |           |          |         |\s
         price  | bigint |           |          |         |\s
        Server: data

        """, psql("\\d data.prices"));
    assertEquals("""
                    List of relations
         Schema |  Name   |     Type      | Owner\s
        --------+---------+---------------+-------
         data   | prices  | foreign table | ygg
         repo   | commits | foreign table | ygg
         repo   | files   | foreign table | ygg
         repo   | refs    | foreign table | ygg
        (4 rows)

        """, psql("\\dE *.*"));
    assertEquals("""
                List of relations
         Schema |  Name  | Type  | Owner\s
        --------+--------+-------+-------
         public | orders | table | ygg
        (1 row)

        """, psql("\\d"), "attached schemas are not on the search path, as in PostgreSQL");
    assertEquals("""
               List of foreign servers
         Name | Owner | Foreign-data wrapper\s
        ------+-------+----------------------
         data | ygg   | files
         repo | ygg   | git
        (2 rows)

        """, psql("\\des"));
    assertEquals("""
            List of foreign-data wrappers
         Name  | Owner | Handler | Validator\s
        -------+-------+---------+-----------
         files | ygg   | -       | -
         git   | ygg   | -       | -
        (2 rows)

        """, psql("\\dew"));
  }

  @Test
  void psqlFollowsTheSessionsBranch() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "SELECT ygg.create_branch('catalog_branch', 'main')");
    }
    String onBranch = psql("SET ygg.branch = 'catalog_branch'", "DROP SERVER data",
        "CREATE SERVER repo2 FOREIGN DATA WRAPPER git OPTIONS (path '"
            + tmp.resolve("repo2.git") + "', create 'true')", "\\dn", "\\dE *.*");
    assertEquals("""
              List of schemas
          Name  |       Owner      \s
        --------+-------------------
         public | pg_database_owner
         repo   | ygg
         repo2  | ygg
        (3 rows)

                    List of relations
         Schema |  Name   |     Type      | Owner\s
        --------+---------+---------------+-------
         repo   | commits | foreign table | ygg
         repo   | files   | foreign table | ygg
         repo   | refs    | foreign table | ygg
         repo2  | commits | foreign table | ygg
         repo2  | files   | foreign table | ygg
         repo2  | refs    | foreign table | ygg
        (6 rows)

        """, onBranch);
    assertEquals(List.of("data", "public", "repo"),
        psqlLines("SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_'"
            + " AND nspname <> 'information_schema' ORDER BY 1"), "main is unchanged");
  }

  @Test
  void oidsAreStableAndConsistentAcrossTheCatalogs() throws Exception {
    try (Connection c = server.connect(); Connection other = server.connect()) {
      String oid = one(c, "SELECT c.oid FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE n.nspname = 'repo' AND c.relname = 'files'");
      assertEquals(oid, one(other, "SELECT c.oid FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE n.nspname = 'repo' AND c.relname = 'files'"),
          "another session sees the same OID");
      assertEquals("f|6|repo", one(c, "SELECT c.relkind || '|' || c.relnatts || '|'"
          + " || s.srvname FROM pg_class c JOIN pg_foreign_table f ON f.ftrelid = c.oid"
          + " JOIN pg_foreign_server s ON s.oid = f.ftserver WHERE c.oid = " + oid));
      assertEquals(oid, one(c, "SELECT 'repo.files'::regclass::oid"));
      assertEquals("repo.files", one(c, "SELECT " + oid + "::regclass::text"),
          "regclass names it with its schema, which is not on the search path");
      assertEquals(list("path|text|t", "size|bigint|f", "mode|text|f", "blob_id|text|f",
          "content|text|f", "content_bytes|bytea|f"), lines(c, "SELECT attname,"
          + " format_type(atttypid, atttypmod), attnotnull FROM pg_attribute"
          + " WHERE attrelid = " + oid + " AND attnum > 0 ORDER BY attnum"));
      assertEquals("git", one(c, "SELECT w.fdwname FROM pg_foreign_server s"
          + " JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw WHERE s.srvname = 'repo'"));
      assertEquals("create|true,path|" + tmp.resolve("repo.git"), one(c,
          "SELECT string_agg(option_name || '|' || option_value, ',' ORDER BY option_name)"
              + " FROM pg_foreign_server s, pg_options_to_table(s.srvoptions)"
              + " WHERE s.srvname = 'repo'"));
      exec(c, "SELECT ygg.create_branch('oid_branch', 'main')", "SET ygg.branch = 'oid_branch'");
      assertEquals(oid, one(c, "SELECT c.oid FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE n.nspname = 'repo' AND c.relname = 'files'"),
          "the same table has the same OID on another branch");
      assertNotEquals(oid, one(c, "SELECT c.oid FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE n.nspname = 'repo' AND c.relname = 'refs'"));
    }
  }

  @Test
  void pgjdbcMetadataListsAttachedTablesAndColumns() throws Exception {
    try (Connection c = server.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "repo", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + " "
              + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("repo.commits FOREIGN TABLE", "repo.files FOREIGN TABLE",
          "repo.refs FOREIGN TABLE"), tables);
      List<String> foreign = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"FOREIGN TABLE"})) {
        while (rs.next()) {
          foreign.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(List.of("data.prices", "repo.commits", "repo.files", "repo.refs"), foreign);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "data", "prices", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
              + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("IS_NULLABLE"));
        }
      }
      assertEquals(List.of("sku text 1 YES", "price int8 2 YES"), columns);
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertEquals(true, schemas.containsAll(List.of("data", "repo", "public")),
          schemas.toString());
    }
  }

  /** What psql prints for the commands, run in one session ({@code -X}, aligned output). */
  private static String psql(String... commands) throws Exception {
    assumeTrue(Psql.available(), "psql is not installed (CI installs postgresql-client)");
    Psql.Result r = Psql.run(server, List.of("-q", "-v", "ON_ERROR_STOP=1"), commands);
    assertEquals(0, r.exitCode(), () -> "psql failed:\n" + r.output());
    return r.output();
  }

  private static List<String> psqlLines(String... commands) throws Exception {
    assumeTrue(Psql.available(), "psql is not installed (CI installs postgresql-client)");
    Psql.Result r = Psql.run(server, List.of("-A", "-t", "-q", "-v", "ON_ERROR_STOP=1"),
        commands);
    assertEquals(0, r.exitCode(), () -> "psql failed:\n" + r.output());
    return r.output().lines().toList();
  }
}
