package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
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
 * client sends it in UTF-8: selected, stored, compared, matched with LIKE, counted in characters,
 * and cut, searched and padded in characters (an emoji is one, never split into invalid text).
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

  @Test
  void cutSearchedAndPaddedInCharacters() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("ab|😀a|3|3|😀|b😀a"), lines(c,
          "SELECT substr('😀abc', 2, 2), left('😀abc', 2), position('b' in '😀abc'),"
              + " strpos('😀abc', 'b'), right('abc😀', 1), reverse('a😀b')"));
      assertEquals(list("xx😀|ab😀😀"), lines(c, "SELECT lpad('😀', 3, 'x'), rpad('ab', 4, '😀')"));
      failsWith("22011", () -> one(c, "SELECT substr('😀abc', 2, -1)"));
    }
  }

  @Test
  void columnsCutInCharacters() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS uni_cut",
          "CREATE TABLE uni_cut (id int PRIMARY KEY, s text, n int)",
          "INSERT INTO uni_cut VALUES (1, '😀日本😀', 2), (2, 'plain', 3), (3, NULL, 1)");
      assertEquals(list("1|😀日|日本|本😀|5|😀X本😀|😀日本😀~~", "2|pla|ai|in|6|pXain|plain~~",
          "3|NULL|NULL|NULL|NULL|NULL|NULL"),
          lines(c, "SELECT id, left(s, n), substring(s FROM n FOR 2), right(s, 2),"
              + " strpos(s || '!', '!'), overlay(s PLACING 'X' FROM 2 FOR 1),"
              + " rpad(s, length(s) + 2, '~') FROM uni_cut ORDER BY id"));
      try (PreparedStatement ps = c.prepareStatement("SELECT substr(s, ?, ?) FROM uni_cut WHERE id = 1")) {
        for (int[] args : new int[][] {{4, 1}, {2, 5}}) {
          ps.setInt(1, args[0]);
          ps.setInt(2, args[1]);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(args[0] == 4 ? "😀" : "日本😀", rs.getString(1));
            // the result types are the ones before: text in, text out; positions are integers
            assertEquals("text", rs.getMetaData().getColumnTypeName(1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT strpos(s, '本') FROM uni_cut WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(3, rs.getInt(1));
        assertEquals("int4", rs.getMetaData().getColumnTypeName(1));
      }
    }
  }
}
