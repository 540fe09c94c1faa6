package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.yggdrasil.pgwire.it.Db.exec;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pgjdbc's DatabaseMetaData, which reads pg_catalog with the queries it sends to PostgreSQL 15:
 * the answers are PostgreSQL's for the same schema (checked with {@code -Dygg.it.external}).
 */
class DatabaseMetaDataTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS md_orders", "DROP TABLE IF EXISTS md_items",
          "CREATE TABLE md_items (id int4 PRIMARY KEY, name text NOT NULL,"
              + " code varchar(10) UNIQUE, qty int8 DEFAULT 0, price numeric(10,2))",
          "CREATE TABLE md_orders (id int8 PRIMARY KEY,"
              + " item_id int4 NOT NULL REFERENCES md_items (id) ON DELETE CASCADE,"
              + " item_code varchar(10), qty int4 CHECK (qty > 0),"
              + " CONSTRAINT md_orders_code_fk FOREIGN KEY (item_code) REFERENCES md_items (code)"
              + " ON UPDATE RESTRICT)",
          "CREATE INDEX md_orders_item ON md_orders (item_id DESC)");
    }
  }

  /** Leaves a shared reference database as it was (psql listings there show every table). */
  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE md_orders", "DROP TABLE md_items");
    }
  }

  @Test
  void tables() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> rows = columns(c.getMetaData().getTables(null, "public", "md_%",
          new String[] {"TABLE"}), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
          "REMARKS");
      assertEquals(List.of(List.of("ygg", "public", "md_items", "TABLE", "null"),
          List.of("ygg", "public", "md_orders", "TABLE", "null")), rows);
    }
  }

  @Test
  void columnsWithTypesNullabilityAndDefaults() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> rows = columns(c.getMetaData().getColumns(null, "public", "md_items",
          "%"), "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS",
          "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_NULLABLE", "IS_AUTOINCREMENT");
      assertEquals(List.of(
          List.of("id", "" + Types.INTEGER, "int4", "10", "0", "0", "null", "1", "NO", "NO"),
          List.of("name", "" + Types.VARCHAR, "text", "2147483647", "0", "0", "null", "2", "NO",
              "NO"),
          List.of("code", "" + Types.VARCHAR, "varchar", "10", "0", "1", "null", "3", "YES",
              "NO"),
          List.of("qty", "" + Types.BIGINT, "int8", "19", "0", "1", "0", "4", "YES", "NO"),
          List.of("price", "" + Types.NUMERIC, "numeric", "10", "2", "1", "null", "5", "YES",
              "NO")), rows);
    }
  }

  @Test
  void primaryKeys() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(List.of("md_items", "id", "1", "md_items_pkey")),
          columns(c.getMetaData().getPrimaryKeys(null, "public", "md_items"), "TABLE_NAME",
              "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    }
  }

  @Test
  void indexInfoListsTheIndexesBehindKeys() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> rows = columns(c.getMetaData().getIndexInfo(null, "public", "md_items",
          false, true), "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION",
          "COLUMN_NAME", "ASC_OR_DESC", "FILTER_CONDITION");
      assertEquals(List.of(
          List.of("md_items", "f", "md_items_code_key", "3", "1", "code", "A", "null"),
          List.of("md_items", "f", "md_items_pkey", "3", "1", "id", "A", "null")), rows);
    }
  }

  @Test
  void schemasAndCatalogs() throws SQLException {
    try (Connection c = server.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of(List.of("information_schema", "ygg"), List.of("pg_catalog", "ygg"),
          List.of("public", "ygg")), columns(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"));
      assertEquals(List.of(List.of("public")),
          columns(md.getSchemas(null, "pub%"), "TABLE_SCHEM"));
      assertTrue(columns(md.getCatalogs(), "TABLE_CAT").contains(List.of("ygg")));
    }
  }

  @Test
  void typeInfo() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> rows = columns(c.getMetaData().getTypeInfo(), "TYPE_NAME",
          "DATA_TYPE");
      for (List<String> expected : List.of(List.of("int4", "" + Types.INTEGER),
          List.of("int8", "" + Types.BIGINT), List.of("text", "" + Types.VARCHAR),
          List.of("numeric", "" + Types.NUMERIC), List.of("bool", "" + Types.BIT),
          List.of("date", "" + Types.DATE), List.of("_int4", "" + Types.ARRAY))) {
        assertTrue(rows.contains(expected), () -> expected + " in " + rows);
      }
    }
  }

  /** Both directions of the foreign keys, with their rules and the key each references. */
  @Test
  void importedAndExportedKeys() throws SQLException {
    try (Connection c = server.connect()) {
      DatabaseMetaData md = c.getMetaData();
      String[] cols = {"PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME",
          "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME",
          "DEFERRABILITY"};
      String restrict = "" + DatabaseMetaData.importedKeyRestrict;
      String noAction = "" + DatabaseMetaData.importedKeyNoAction;
      String cascade = "" + DatabaseMetaData.importedKeyCascade;
      String notDeferrable = "" + DatabaseMetaData.importedKeyNotDeferrable;
      List<List<String>> expected = List.of(
          List.of("public", "md_items", "code", "md_orders", "item_code", "1", restrict,
              noAction, "md_orders_code_fk", "md_items_code_key", notDeferrable),
          List.of("public", "md_items", "id", "md_orders", "item_id", "1", noAction, cascade,
              "md_orders_item_id_fkey", "md_items_pkey", notDeferrable));
      assertEquals(expected, columns(md.getImportedKeys(null, "public", "md_orders"), cols));
      assertEquals(expected, columns(md.getExportedKeys(null, "public", "md_items"), cols));
      assertEquals(List.of(), columns(md.getImportedKeys(null, "public", "md_items"),
          "FK_NAME"));
      assertEquals(expected, columns(md.getCrossReference(null, "public", "md_items", null,
          "public", "md_orders"), cols));
    }
  }

  /** A CREATE INDEX index, descending, beside the primary key's. */
  @Test
  void indexInfoListsCreatedIndexes() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> rows = columns(c.getMetaData().getIndexInfo(null, "public",
          "md_orders", false, true), "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "TYPE",
          "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "FILTER_CONDITION");
      assertEquals(List.of(
          List.of("md_orders", "f", "md_orders_pkey", "3", "1", "id", "A", "null"),
          List.of("md_orders", "t", "md_orders_item", "3", "1", "item_id", "D", "null")),
          rows);
    }
  }

  /** User functions live in public; a fresh database has none there. */
  @Test
  void functionsOfSchemaPublic() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(), columns(c.getMetaData().getFunctions(null, "public", "%"),
          "FUNCTION_NAME"));
    }
  }

  /** Result columns carry their table's OID, which pgjdbc resolves through pg_catalog. */
  @Test
  void resultSetMetaDataResolvesTableColumns() throws SQLException {
    try (Connection c = server.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT id, name, code FROM md_items")) {
      var meta = rs.getMetaData();
      assertEquals("md_items", meta.getTableName(1));
      assertEquals("public", meta.unwrap(org.postgresql.PGResultSetMetaData.class)
          .getBaseSchemaName(1));
      assertEquals(java.sql.ResultSetMetaData.columnNoNulls, meta.isNullable(2));
      assertEquals(java.sql.ResultSetMetaData.columnNullable, meta.isNullable(3));
    }
  }

  /** The catalog is the branch's: a table created on a branch is listed there only. */
  @Test
  void catalogFollowsTheBranch() throws SQLException {
    assumeFalse(TestServer.isReferencePostgres(), "branches are Yggdrasil's own");
    try (Connection c = server.connect()) {
      exec(c, "SELECT ygg.create_branch('md_feature', 'main')",
          "SET ygg.branch = 'md_feature'",
          "CREATE TABLE md_branch_only (id int4 PRIMARY KEY)");
      assertEquals(List.of(List.of("md_branch_only")), columns(c.getMetaData().getTables(null,
          "public", "md_branch_only", null), "TABLE_NAME"));
      assertEquals(List.of(List.of("id", "1", "md_branch_only_pkey")),
          columns(c.getMetaData().getPrimaryKeys(null, "public", "md_branch_only"),
              "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
      exec(c, "SET ygg.branch = 'main'");
      assertEquals(List.of(), columns(c.getMetaData().getTables(null, "public",
          "md_branch_only", null), "TABLE_NAME"));
      assertFalse(columns(c.getMetaData().getIndexInfo(null, "public", "md_branch_only", false,
          true), "INDEX_NAME").contains(List.of("md_branch_only_pkey")));
    }
  }

  /** The named columns of every row, as strings ("null" for SQL NULL). */
  private static List<List<String>> columns(ResultSet rs, String... names) throws SQLException {
    try (rs) {
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (String n : names) {
          row.add(String.valueOf(rs.getString(n)));
        }
        out.add(row);
      }
      return out;
    }
  }
}
