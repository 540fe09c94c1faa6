package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** information_schema over the stored tables: PostgreSQL 15's answers for the same schema. */
class InformationSchemaTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS is_items",
          "CREATE TABLE is_items (id int4 PRIMARY KEY, name text NOT NULL,"
              + " code varchar(10) UNIQUE, qty int8 DEFAULT 0, price numeric(10,2),"
              + " seen timestamptz)");
    }
  }

  /** Leaves a shared reference database as it was (psql listings there show every table). */
  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE is_items");
    }
  }

  @Test
  void tablesAndSchemata() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(List.of("is_items", "BASE TABLE", "YES")), rows(c,
          "SELECT table_name, table_type, is_insertable_into FROM information_schema.tables"
              + " WHERE table_schema = 'public' AND table_name = 'is_items'"));
      List<List<String>> schemas = rows(c,
          "SELECT schema_name FROM information_schema.schemata ORDER BY 1");
      for (String s : List.of("information_schema", "pg_catalog", "public")) {
        assertTrue(schemas.contains(List.of(s)), () -> s + " in " + schemas);
      }
    }
  }

  @Test
  void columns() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(
          java.util.Arrays.asList("id", "1", null, "NO", "integer", null, null, "32", "2", "0",
              null, "int4"),
          java.util.Arrays.asList("name", "2", null, "NO", "text", null, "1073741824", null,
              null, null, null, "text"),
          java.util.Arrays.asList("code", "3", null, "YES", "character varying", "10", "40",
              null, null, null, null, "varchar"),
          java.util.Arrays.asList("qty", "4", "0", "YES", "bigint", null, null, "64", "2", "0",
              null, "int8"),
          java.util.Arrays.asList("price", "5", null, "YES", "numeric", null, null, "10", "10",
              "2", null, "numeric"),
          java.util.Arrays.asList("seen", "6", null, "YES", "timestamp with time zone", null,
              null, null, null, null, "6", "timestamptz")),
          rows(c, "SELECT column_name, ordinal_position, column_default, is_nullable,"
              + " data_type, character_maximum_length, character_octet_length,"
              + " numeric_precision, numeric_precision_radix, numeric_scale,"
              + " datetime_precision, udt_name FROM information_schema.columns"
              + " WHERE table_name = 'is_items' ORDER BY ordinal_position"));
    }
  }

  /** Keys, and NOT NULL columns as CHECK constraints named after the OIDs, as PostgreSQL 15. */
  @Test
  void constraintsAndKeyColumns() throws SQLException {
    try (Connection c = server.connect()) {
      String oid = rows(c, "SELECT oid FROM pg_catalog.pg_class WHERE relname = 'is_items'")
          .get(0).get(0);
      assertEquals(List.of(
          java.util.Arrays.asList("2200_" + oid + "_1_not_null", "CHECK", "NO", null),
          java.util.Arrays.asList("2200_" + oid + "_2_not_null", "CHECK", "NO", null),
          java.util.Arrays.asList("is_items_code_key", "UNIQUE", "NO", "YES"),
          java.util.Arrays.asList("is_items_pkey", "PRIMARY KEY", "NO", null)),
          rows(c, "SELECT constraint_name, constraint_type, is_deferrable, nulls_distinct"
              + " FROM information_schema.table_constraints WHERE table_name = 'is_items'"
              + " ORDER BY 1"));
      assertEquals(List.of(java.util.Arrays.asList("is_items_code_key", "code", "1", null),
          java.util.Arrays.asList("is_items_pkey", "id", "1", null)),
          rows(c, "SELECT constraint_name, column_name, ordinal_position,"
              + " position_in_unique_constraint FROM information_schema.key_column_usage"
              + " WHERE table_name = 'is_items' ORDER BY 1"));
      assertEquals(List.of(), rows(c, "SELECT constraint_name"
          + " FROM information_schema.referential_constraints"));
    }
  }
}
