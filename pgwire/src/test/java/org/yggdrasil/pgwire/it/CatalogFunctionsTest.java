package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The functions and spellings catalog queries use, with PostgreSQL 15's results: regclass
 * casts, regular-expression operators, OPERATOR(pg_catalog.~), COLLATE, format_type,
 * quote_ident, pg_size_pretty, array_to_string, pg_get_indexdef / pg_get_constraintdef.
 */
class CatalogFunctionsTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void regclassAndDefinitions() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS cf_items",
          "CREATE TABLE cf_items (id int4 PRIMARY KEY, code varchar(10) UNIQUE)");
      assertEquals(List.of(List.of("t", "cf_items", "cf_items")), rows(c,
          "SELECT 'cf_items'::regclass::oid = (SELECT oid FROM pg_catalog.pg_class"
              + " WHERE relname = 'cf_items'), 'cf_items'::regclass::text,"
              + " (SELECT c.oid::pg_catalog.regclass FROM pg_catalog.pg_class c"
              + " WHERE c.relname = 'cf_items')"));
      assertEquals(List.of(
          List.of("cf_items_code_key", "CREATE UNIQUE INDEX cf_items_code_key ON cf_items"
              + " USING btree (code)", "code", "UNIQUE (code)",
              "CREATE UNIQUE INDEX cf_items_code_key ON public.cf_items USING btree (code)"),
          List.of("cf_items_pkey", "CREATE UNIQUE INDEX cf_items_pkey ON cf_items USING"
              + " btree (id)", "id", "PRIMARY KEY (id)",
              "CREATE UNIQUE INDEX cf_items_pkey ON public.cf_items USING btree (id)")), rows(c,
          "SELECT c2.relname, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),"
              + " pg_catalog.pg_get_indexdef(i.indexrelid, 1, true),"
              + " pg_catalog.pg_get_constraintdef(con.oid, true),"
              + " pg_catalog.pg_get_indexdef(i.indexrelid)"
              + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c2"
              + " ON c2.oid = i.indexrelid JOIN pg_catalog.pg_constraint con"
              + " ON con.conindid = i.indexrelid"
              + " WHERE i.indrelid = 'cf_items'::pg_catalog.regclass ORDER BY 1"));
      failsWith42P01(c);
      exec(c, "DROP TABLE cf_items");
    }
  }

  private static void failsWith42P01(Connection c) {
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
        () -> rows(c, "SELECT 'cf_nosuch'::regclass"));
    assertEquals("42P01", e.getSQLState());
  }

  @Test
  void regularExpressionsAndOperatorSyntax() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(List.of("t", "f", "t", "f", "t", "f")), rows(c,
          "SELECT 'abc' ~ '^a', 'abc' !~ '^a', 'ABC' ~* 'b', 'abc' !~* 'B',"
              + " 'cf' OPERATOR(pg_catalog.~) '^(cf)$' COLLATE pg_catalog.default,"
              + " 'pg_toast' OPERATOR(pg_catalog.!~) '^pg_'"));
    }
  }

  @Test
  void formattingFunctions() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(List.of("10239 bytes", "10 kB", "118 MB", "93 GB")), rows(c,
          "SELECT pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint),"
              + " pg_size_pretty(123456789::bigint), pg_size_pretty(99999999999::bigint)"));
      assertEquals(List.of(List.of("\"a b\"", "abc", "\"Abc\"", "\"select\"")), rows(c,
          "SELECT quote_ident('a b'), quote_ident('abc'), quote_ident('Abc'),"
              + " quote_ident('select')"));
      assertEquals(List.of(List.of("character varying(10)", "numeric(10,2)", "integer[]",
          "character", "a-b")), rows(c,
          "SELECT pg_catalog.format_type(1043, 14), format_type(1700, 655366),"
              + " format_type(1007, NULL), format_type(1042, NULL),"
              + " pg_catalog.array_to_string(ARRAY['a', 'b'], '-')"));
      assertEquals(List.of(List.of("t", "t")), rows(c,
          "SELECT 'a' <> ALL ('{b,c}'::text[]), 'public' = ANY(current_schemas(true))"));
    }
  }

  /** set_config is SET from a query: the value holds for the session and SHOW sees it. */
  @Test
  void setConfig() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(List.of(List.of("cf-app")),
          rows(c, "SELECT set_config('application_name', 'cf-app', false)"));
      assertEquals(List.of(List.of("cf-app")), rows(c, "SHOW application_name"));
      assertEquals(List.of(List.of("cf-app")),
          rows(c, "SELECT current_setting('application_name')"));
    }
  }

  /** An empty table takes no space; a filled one does, and pg_size_pretty shows it. */
  @Test
  void relationSize() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS cf_sized", "CREATE TABLE cf_sized (id int8, name text)");
      assertEquals(List.of(List.of("0", "0 bytes")), rows(c,
          "SELECT pg_relation_size('cf_sized'), pg_size_pretty(pg_relation_size("
              + "'cf_sized'::regclass))"));
      exec(c, "INSERT INTO cf_sized SELECT g, 'row ' || g FROM generate_series(1, 1000) g");
      assertEquals(List.of(List.of("t")),
          rows(c, "SELECT pg_relation_size('cf_sized'::regclass) > 8000"));
      exec(c, "DROP TABLE cf_sized");
    }
  }
}
