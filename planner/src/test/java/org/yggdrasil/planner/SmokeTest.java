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
}
