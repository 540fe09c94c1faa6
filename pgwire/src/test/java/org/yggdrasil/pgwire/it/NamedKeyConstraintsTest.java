package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code CONSTRAINT name PRIMARY KEY / UNIQUE} in CREATE TABLE keep their names: in pg_constraint,
 * pg_class (the index), information_schema, violation messages and DROP CONSTRAINT.
 */
class NamedKeyConstraintsTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private static void create(Connection c, String t) throws SQLException {
    Db.exec(c, "DROP TABLE IF EXISTS " + t,
        "CREATE TABLE " + t + " (id int4, code text CONSTRAINT " + t + "_code_u UNIQUE,"
            + " a int4, b int4, CONSTRAINT " + t + "_pk_custom PRIMARY KEY (id),"
            + " CONSTRAINT " + t + "_ab_unique UNIQUE (a, b), UNIQUE (b, a))");
  }

  /**
   * A CONSTRAINT name belongs to the one constraint right after it: in {@code CONSTRAINT n NOT
   * NULL UNIQUE} it names the NOT NULL, and the UNIQUE gets the default name (PostgreSQL 15).
   */
  @Test
  void aConstraintNameNamesOnlyTheNextConstraint() throws SQLException {
    try (Connection c = server.connect()) {
      Db.exec(c, "CREATE TABLE nk_next (a int CONSTRAINT n NOT NULL UNIQUE,"
          + " b int CONSTRAINT m UNIQUE NOT NULL)");
      assertEquals(Db.list("m|u", "nk_next_a_key|u"), Db.lines(c, "SELECT conname, contype"
          + " FROM pg_constraint WHERE conrelid = 'nk_next'::regclass ORDER BY 1"));
      assertEquals(Db.list("t|t"), Db.lines(c, "SELECT a.attnotnull, b.attnotnull FROM"
          + " pg_attribute a, pg_attribute b WHERE a.attrelid = 'nk_next'::regclass"
          + " AND a.attname = 'a' AND b.attrelid = a.attrelid AND b.attname = 'b'"));
      Db.exec(c, "DROP TABLE nk_next");
    }
  }

  @Test
  void namesShowInTheCatalog() throws SQLException {
    try (Connection c = server.connect()) {
      create(c, "nk_cat");
      assertEquals(Db.list("nk_cat_ab_unique|u", "nk_cat_b_a_key|u", "nk_cat_code_u|u",
              "nk_cat_pk_custom|p"),
          Db.lines(c, "SELECT conname, contype FROM pg_constraint"
              + " WHERE conrelid = 'nk_cat'::regclass ORDER BY 1"));
      assertEquals(Db.list("nk_cat_ab_unique|UNIQUE", "nk_cat_b_a_key|UNIQUE",
              "nk_cat_code_u|UNIQUE", "nk_cat_pk_custom|PRIMARY KEY"),
          Db.lines(c, "SELECT constraint_name, constraint_type"
              + " FROM information_schema.table_constraints WHERE table_name = 'nk_cat'"
              + " AND constraint_type <> 'CHECK' ORDER BY 1"));
      assertEquals(Db.list("nk_cat_pk_custom|id"), Db.lines(c,
          "SELECT constraint_name, column_name FROM information_schema.key_column_usage"
              + " WHERE table_name = 'nk_cat' AND constraint_name = 'nk_cat_pk_custom'"));
      // the index enforcing the key has the constraint's name (psql's \d shows it)
      assertEquals(Db.list("nk_cat_pk_custom"), Db.lines(c,
          "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
              + " WHERE x.indrelid = 'nk_cat'::regclass AND x.indisprimary"));
      try (var rs = c.getMetaData().getPrimaryKeys(null, "public", "nk_cat")) {
        assertTrue(rs.next());
        assertEquals("nk_cat_pk_custom", rs.getString("PK_NAME"));
      }
    }
  }

  @Test
  void violationsNameTheConstraint() throws SQLException {
    try (Connection c = server.connect()) {
      create(c, "nk_viol");
      Db.exec(c, "INSERT INTO nk_viol VALUES (1, 'x', 1, 1)");
      assertEquals("ERROR: duplicate key value violates unique constraint \"nk_viol_pk_custom\"",
          firstLine(Db.failsWith("23505",
              () -> Db.exec(c, "INSERT INTO nk_viol VALUES (1, 'y', 2, 2)"))));
      assertEquals("ERROR: duplicate key value violates unique constraint \"nk_viol_code_u\"",
          firstLine(Db.failsWith("23505",
              () -> Db.exec(c, "INSERT INTO nk_viol VALUES (2, 'x', 2, 2)"))));
      assertEquals("ERROR: duplicate key value violates unique constraint \"nk_viol_ab_unique\"",
          firstLine(Db.failsWith("23505",
              () -> Db.exec(c, "INSERT INTO nk_viol VALUES (3, 'z', 1, 1)"))));
    }
  }

  @Test
  void dropConstraintByItsName() throws SQLException {
    try (Connection c = server.connect()) {
      create(c, "nk_drop");
      Db.exec(c, "INSERT INTO nk_drop VALUES (1, 'x', 1, 1)",
          "ALTER TABLE nk_drop DROP CONSTRAINT nk_drop_code_u",
          "INSERT INTO nk_drop VALUES (2, 'x', 2, 2)",
          "ALTER TABLE nk_drop DROP CONSTRAINT nk_drop_pk_custom",
          "INSERT INTO nk_drop VALUES (2, 'w', 3, 3)");
      assertEquals(Db.list("nk_drop_ab_unique", "nk_drop_b_a_key"), Db.lines(c,
          "SELECT conname FROM pg_constraint WHERE conrelid = 'nk_drop'::regclass ORDER BY 1"));
      Db.failsWith("42704", () -> Db.exec(c, "ALTER TABLE nk_drop DROP CONSTRAINT nk_drop_code_u"));
      Db.exec(c, "ALTER TABLE nk_drop DROP CONSTRAINT IF EXISTS nk_drop_code_u");
    }
  }

  @Test
  void aNameMustBeFree() throws SQLException {
    try (Connection c = server.connect()) {
      Db.exec(c, "DROP TABLE IF EXISTS nk_taken", "DROP TABLE IF EXISTS nk_other",
          "CREATE TABLE nk_taken (id int4)");
      Db.failsWith("42P07",
          () -> Db.exec(c, "CREATE TABLE nk_other (id int4 CONSTRAINT nk_taken PRIMARY KEY)"));
    }
  }

  private static String firstLine(SQLException e) {
    return e.getMessage().lines().findFirst().orElse("");
  }
}
