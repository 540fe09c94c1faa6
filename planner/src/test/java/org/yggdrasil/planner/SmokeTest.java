package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

class SmokeTest {
  @Test
  void selectLiteral() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(2, d.value("SELECT 1 + 1"));
    }
  }

  @Test
  void createInsertSelectUpdateDelete() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE t (id bigint PRIMARY KEY, name text, price numeric(10,2))");
      d.run("INSERT INTO t VALUES (1, 'a', 1.5), (2, 'b', 2.25)");
      assertEquals("INSERT 0 2", d.lastTag);
      assertEquals(2L, d.value("SELECT count(*) FROM t"));
      d.run("UPDATE t SET price = price * 2 WHERE id = 2");
      assertEquals("UPDATE 1", d.lastTag);
      assertEquals(new BigDecimal("4.50"), d.value("SELECT price FROM t WHERE id = 2"));
      d.run("DELETE FROM t WHERE name = 'a'");
      assertEquals("DELETE 1", d.lastTag);
      assertEquals(List.of(List.of(2L, "b")), d.run("SELECT id, name FROM t ORDER BY id"));
    }
  }

  @Test
  void errorsCarrySqlState() {
    try (SqlDriver d = new SqlDriver()) {
      var e = assertThrows(SqlStateException.class, () -> d.run("SELECT * FROM nope"));
      assertEquals(SqlState.UNDEFINED_TABLE, e.state());
      e = assertThrows(SqlStateException.class, () -> d.run("SELEC 1"));
      assertEquals(SqlState.SYNTAX_ERROR, e.state());
      e = assertThrows(SqlStateException.class, () -> d.run("SELECT 1/0"));
      assertEquals(SqlState.DIVISION_BY_ZERO, e.state());
    }
  }

  @Test
  void pgCatalogDescribesTables() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE cat_t (id int PRIMARY KEY, name varchar(20) DEFAULT 'x')");
      assertEquals(List.of(List.of("id", 1L), List.of("name", 1L)), d.run(
          "SELECT a.attname, count(*) FROM pg_catalog.pg_class c JOIN pg_attribute a"
              + " ON c.oid = a.attrelid WHERE c.relname = 'cat_t' GROUP BY a.attname"
              + " ORDER BY a.attname"));
      assertEquals("'x'", d.value("SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid)"
          + " FROM pg_attrdef d"));
    }
  }

  @Test
  void generateSeriesAliasNamesItsColumn() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(List.of(List.of(3L, 6L)),
          d.run("SELECT count(*), sum(g) FROM generate_series(1, 3) g"));
      assertEquals(List.of(List.of(2)), d.run("SELECT x FROM generate_series(1, 3) AS s(x) WHERE x = 2"));
    }
  }

  @Test
  void aggregatesFollowPostgresTypes() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(new BigDecimal("3.5000000000000000"),
          d.value("SELECT avg(g) FROM generate_series(1, 6) g"));
      assertEquals(21L, d.value("SELECT sum(g) FROM generate_series(1, 6) g"));
      assertEquals(21L, d.value("SELECT sum(g::bigint) FROM generate_series(1, 6) g"));
    }
  }

  /** A cached plan must read the snapshot of the statement executing it, not the one it was planned on. */
  @Test
  void cachedPlansReadTheCurrentSnapshot() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE cache_t (id int PRIMARY KEY, v text)");
      String query = "SELECT count(*) FROM cache_t WHERE v <> 'zzz'";
      assertEquals(0L, d.value(query));
      d.run("INSERT INTO cache_t VALUES (1, 'a')");
      assertEquals(1L, d.value(query));
      assertEquals(List.of(List.of("a")), d.run("SELECT v FROM cache_t WHERE id = 1"));
      d.run("UPDATE cache_t SET v = 'b' WHERE id = 1 RETURNING v");
      assertEquals(List.of(List.of("b")), d.run("SELECT v FROM cache_t WHERE id = 1"));
      assertEquals(List.of(List.of("c")), d.run("UPDATE cache_t SET v = 'c' WHERE id = 1 RETURNING v"));
      assertEquals(List.of(List.of("d")), d.run("UPDATE cache_t SET v = 'd' WHERE id = 1 RETURNING v"));
    }
  }

  /** Primary-key point selects take the short path; they must answer like the planner. */
  @Test
  void pointSelectsByPrimaryKey() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE acc (aid int PRIMARY KEY, abalance int, name text)");
      d.run("INSERT INTO acc SELECT g, g * 10, 'n' || g FROM generate_series(1, 100) g");
      assertEquals(List.of(List.of(420)), d.run("SELECT abalance FROM acc WHERE aid = 42"));
      assertEquals(List.of(List.of(70, "n7")), d.run("SELECT abalance, name FROM acc WHERE aid = $1", 7));
      assertEquals(List.of(List.of(5, 50, "n5")), d.run("SELECT * FROM acc WHERE aid = '5';"));
      assertEquals(List.of(), d.run("SELECT abalance FROM acc WHERE aid = 1000"));
      assertEquals("SELECT 0", d.lastTag);
      d.run("UPDATE acc SET abalance = 1 WHERE aid = 42");
      assertEquals(List.of(List.of(1)), d.run("SELECT abalance FROM acc WHERE aid = 42"));
      var e = assertThrows(SqlStateException.class, () -> d.run("SELECT nope FROM acc WHERE aid = 1"));
      assertEquals(SqlState.UNDEFINED_COLUMN, e.state());
    }
  }

  /** Plain multi-row VALUES skip Calcite's parser; the values must come out the same. */
  @Test
  void plainValuesInsert() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE pv (id int PRIMARY KEY, a numeric(6,2), b text DEFAULT 'dflt', c bool)");
      d.run("INSERT INTO public.pv (id, a, b, c) VALUES (1, -1.5, 'it''s', true), (2, 3, DEFAULT, NULL);");
      assertEquals("INSERT 0 2", d.lastTag);
      d.run("INSERT INTO pv VALUES ($1, $2, $3, $4)", 3, new BigDecimal("2.345"), "p", false);
      d.run("INSERT INTO pv (id) VALUES (4)");
      assertEquals(List.of(
          List.of(1, new BigDecimal("-1.50"), "it's", true),
          java.util.Arrays.asList(2, new BigDecimal("3.00"), "dflt", null),
          List.of(3, new BigDecimal("2.35"), "p", false),
          java.util.Arrays.asList(4, null, "dflt", null)),
          d.run("SELECT * FROM pv ORDER BY id"));
      var e = assertThrows(SqlStateException.class,
          () -> d.run("INSERT INTO pv VALUES (1, 0, 'x', true)"));
      assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
      e = assertThrows(SqlStateException.class, () -> d.run("INSERT INTO pv (nope) VALUES (1)"));
      assertEquals(SqlState.UNDEFINED_COLUMN, e.state());
    }
  }

  /** A prepared statement is planned once; executing it again, even after a data change, is not. */
  @Test
  void preparedStatementsAreNotPlannedAgain() {
    try (SqlDriver d = new SqlDriver()) {
      var session = (org.yggdrasil.planner.session.YggSession) d.session();
      d.run("CREATE TABLE pc (id int PRIMARY KEY, v int)");
      d.run("INSERT INTO pc VALUES (1, 10), (2, 20)");
      var ps = session.prepare("SELECT sum(v) FROM pc WHERE v > $1", new int[0]);
      long planned = session.compilations();
      for (int i = 0; i < 3; i++) {
        List<Object> out = new java.util.ArrayList<>();
        try (var portal = ps.bind(new Object[] {1})) {
          portal.execute(0, row -> out.add(row[0]));
        }
        session.sync();
        assertEquals(List.of(30L + 5L * i), out);
        d.run("INSERT INTO pc VALUES (" + (10 + i) + ", 5)");
      }
      assertEquals(planned, session.compilations());
      d.run("ALTER TABLE pc ADD COLUMN w int");
      try (var portal = ps.bind(new Object[] {5})) {
        portal.execute(0, row -> { });
      }
      session.sync();
      assertEquals(planned + 1, session.compilations(), "a schema change plans again");
    }
  }

  /** The wire side's own failure in the row sink (client gone) reaches it unchanged. */
  @Test
  void rowSinkFailuresPropagateUnchanged() {
    try (SqlDriver d = new SqlDriver()) {
      RuntimeException gone = new IllegalStateException("client gone");
      var ps = d.session().prepare("SELECT g FROM generate_series(1, 10) g", new int[0]);
      try (var portal = ps.bind(new Object[0])) {
        RuntimeException thrown = assertThrows(RuntimeException.class,
            () -> portal.execute(0, row -> {
              throw gone;
            }));
        org.junit.jupiter.api.Assertions.assertSame(gone, thrown);
      }
      d.session().sync();
    }
  }
}
