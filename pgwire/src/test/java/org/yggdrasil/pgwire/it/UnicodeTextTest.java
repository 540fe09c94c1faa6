package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text beyond Latin-1 in SQL literals — accents, CJK, emoji (outside the BMP) — as any PostgreSQL
 * client sends it in UTF-8: selected, stored, compared, matched with LIKE, counted in characters.
 */
class UnicodeTextTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void literalsBeyondLatin1() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("日本語 😀 ✓ é", one(c, "SELECT '日本語 😀 ✓ é'"));
      assertEquals("ÉTÉ", one(c, "SELECT upper('été')"));
      assertEquals("t", one(c, "SELECT 'naïve' < 'naïvf'"));
      // characters, not UTF-16 units: the emoji is one
      assertEquals(list("2|2|2|7"), lines(c,
          "SELECT length('😀✓'), char_length('😀✓'), character_length('😀✓'), octet_length('😀✓')"));
    }
  }

  @Test
  void storedComparedAndMatched() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS uni",
          "CREATE TABLE uni (id int PRIMARY KEY, s text)",
          "INSERT INTO uni VALUES (1, '日本語 😀'), (2, 'Ελληνικά'), (3, 'plain'), (4, 'café')");
      assertEquals(list("1"), lines(c, "SELECT id FROM uni WHERE s = '日本語 😀'"));
      assertEquals(list("1"), lines(c, "SELECT id FROM uni WHERE s LIKE '%😀'"));
      assertEquals(list("2", "4"), lines(c, "SELECT id FROM uni WHERE s IN ('Ελληνικά', 'café') ORDER BY id"));
      assertEquals(list("4"), lines(c, "SELECT id FROM uni WHERE s = 'caf' || 'é'"));
      assertEquals(list("1|5", "2|8", "3|5", "4|4"), lines(c, "SELECT id, length(s) FROM uni ORDER BY id"));
      assertEquals(list("1"), lines(c, "SELECT id FROM uni WHERE length(s) = 5 AND s LIKE '%😀'"));
      exec(c, "UPDATE uni SET s = s || ' ✓' WHERE s = 'plain'");
      assertEquals("plain ✓", one(c, "SELECT s FROM uni WHERE id = 3"));
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM uni WHERE s = ?")) {
        ps.setString(1, "Ελληνικά");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(2, rs.getInt(1));
        }
      }
    }
  }
}
