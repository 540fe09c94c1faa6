package org.yggdrasil.planner.parse;

import java.util.List;
import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** COMMENT ON, CREATE SCHEMA and DROP SCHEMA, PostgreSQL 15 syntax. */
final class CommentSchemaParser {
  private CommentSchemaParser() {}

  /** After COMMENT ON. */
  static DdlStatement.Comment comment(TokenCursor c) {
    Token kindToken = c.next();
    String kind = kindToken.text().toLowerCase(Locale.ROOT);
    if (kind.equals("materialized") || kind.equals("foreign")) {
      throw unsupported("COMMENT ON " + kind.toUpperCase(Locale.ROOT) + " …");
    }
    if (!List.of("table", "view", "index", "sequence", "column", "schema").contains(kind)) {
      throw unsupported("COMMENT ON " + kindToken.text().toUpperCase(Locale.ROOT));
    }
    String relation;
    String column = null;
    if (kind.equals("column")) {
      String a = c.identifier();
      c.expect(Token.Kind.DOT);
      String b = c.identifier();
      if (c.accept(Token.Kind.DOT)) {
        if (!a.equals("public")) {
          throw new SqlStateException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + a + "\" does not exist");
        }
        a = b;
        b = c.identifier();
      }
      relation = a;
      column = b;
    } else if (kind.equals("schema")) {
      relation = c.identifier();
    } else {
      relation = RelationName.parse(c);
    }
    c.expect("is");
    String text;
    if (c.accept("null")) {
      text = null;
    } else {
      Token t = c.next();
      if (t.kind() != Token.Kind.STRING) {
        c.reset(c.index() - 1);
        throw c.unexpected();
      }
      text = StringLiteral.value(t.text());
    }
    return new DdlStatement.Comment(kind, relation, column, text);
  }

  /** After CREATE SCHEMA. */
  static DdlStatement.CreateSchema createSchema(TokenCursor c) {
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    String name = c.identifier();
    if (c.accept("authorization")) {
      c.identifier();
    }
    if (!c.atEnd() && c.peek().kind() != Token.Kind.SEMICOLON) {
      throw unsupported("CREATE SCHEMA with schema elements");
    }
    return new DdlStatement.CreateSchema(name, ifNotExists);
  }

  /** After DROP SCHEMA. */
  static DdlStatement.DropSchema dropSchema(TokenCursor c) {
    boolean ifExists = c.acceptAll("if", "exists");
    List<String> names = new java.util.ArrayList<>();
    do {
      names.add(c.identifier());
    } while (c.accept(Token.Kind.COMMA));
    boolean cascade = RelationName.dropBehaviour(c);
    return new DdlStatement.DropSchema(names, ifExists, cascade);
  }

  private static SqlStateException unsupported(String what) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
  }
}
