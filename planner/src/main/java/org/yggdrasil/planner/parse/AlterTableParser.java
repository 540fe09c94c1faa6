package org.yggdrasil.planner.parse;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The ALTER TABLE actions migrations use besides ADD/DROP/RENAME COLUMN (which {@link DdlParser}
 * parses): ALTER COLUMN … SET/DROP DEFAULT, SET/DROP NOT NULL, [SET DATA] TYPE, and ADD/DROP
 * CONSTRAINT for primary keys and unique constraints.
 */
final class AlterTableParser {
  private AlterTableParser() {}

  /** True if the cursor is at an action this class parses. */
  static boolean handles(TokenCursor c) {
    Token t = c.peek();
    Token t1 = c.peek(1);
    if (t == null) {
      return false;
    }
    if (t.is("alter")) {
      return true;
    }
    if (t.is("add") && t1 != null) {
      return t1.is("constraint") || t1.is("primary") || t1.is("unique") || t1.is("check")
          || t1.is("foreign") || t1.is("exclude");
    }
    return t.is("drop") && t1 != null && t1.is("constraint");
  }

  static DdlStatement parse(TokenCursor c, String table) {
    if (c.accept("alter")) {
      c.accept("column");
      String column = c.identifier();
      if (c.acceptAll("set", "default")) {
        return new DdlStatement.SetDefault(table, column, expression(c));
      }
      if (c.acceptAll("drop", "default")) {
        return new DdlStatement.SetDefault(table, column, null);
      }
      if (c.acceptAll("set", "not", "null")) {
        return new DdlStatement.SetNotNull(table, column, true);
      }
      if (c.acceptAll("drop", "not", "null")) {
        return new DdlStatement.SetNotNull(table, column, false);
      }
      if (c.acceptAll("set", "data", "type") || c.accept("type")) {
        TypeName type = TypeName.parse(c);
        if (c.accept("collate")) {
          RelationName.parse(c);
        }
        if (c.accept("using")) {
          throw unsupported("ALTER COLUMN … TYPE … USING");
        }
        return new DdlStatement.AlterColumnType(table, column, type);
      }
      throw unsupported("this form of ALTER COLUMN");
    }
    if (c.accept("add")) {
      String name = c.accept("constraint") ? c.identifier() : null;
      if (c.acceptAll("foreign", "key")) {
        List<String> columns = c.identifierList();
        c.expect("references");
        return new DdlStatement.AddForeignKey(table, ConstraintParser.references(c,
            name != null ? name : ConstraintParser.foreignKeyName(table, columns), columns));
      }
      if (c.accept("check")) {
        return new DdlStatement.AddCheck(table, name, ConstraintParser.check(c));
      }
      boolean primary = c.acceptAll("primary", "key");
      if (!primary && !c.accept("unique")) {
        throw unsupported(c.peek().text().toUpperCase(java.util.Locale.ROOT) + " constraints");
      }
      List<String> columns = c.identifierList();
      return new DdlStatement.AddKey(table, name, columns, primary);
    }
    c.expect("drop");
    c.expect("constraint");
    boolean ifExists = c.acceptAll("if", "exists");
    String name = c.identifier();
    RelationName.dropBehaviour(c);
    return new DdlStatement.DropKey(table, name, ifExists);
  }

  /** The text of an expression up to the next top-level comma (the next action) or the end. */
  private static String expression(TokenCursor c) {
    return c.expressionUntil(t -> t.kind() == Token.Kind.COMMA
        || t.kind() == Token.Kind.SEMICOLON);
  }

  private static SqlStateException unsupported(String what) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
  }
}
