package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.IndexDef;

/**
 * CREATE INDEX and DROP INDEX, PostgreSQL 15 syntax. CONCURRENTLY, operator classes, COLLATE,
 * INCLUDE, NULLS [NOT] DISTINCT, WITH (…) and TABLESPACE are accepted and have no effect here;
 * index expressions and partial unique indexes are refused with 0A000.
 */
final class IndexDdlParser {
  private IndexDdlParser() {}

  /** After CREATE [UNIQUE] INDEX. */
  static DdlStatement.CreateIndex create(TokenCursor c, boolean unique) {
    c.accept("concurrently");
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    String name = null;
    if (ifNotExists || !(c.peek() != null && c.peek().is("on"))) {
      name = RelationName.parse(c);
    }
    c.expect("on");
    c.accept("only");
    String table = RelationName.parse(c);
    String method = "btree";
    if (c.accept("using")) {
      method = c.identifier();
    }
    c.expect(Token.Kind.LEFT_PAREN);
    List<IndexDef.Column> columns = new ArrayList<>();
    do {
      columns.add(column(c));
    } while (c.accept(Token.Kind.COMMA));
    c.expect(Token.Kind.RIGHT_PAREN);
    String predicate = null;
    while (!c.atEnd() && c.peek().kind() != Token.Kind.SEMICOLON) {
      if (c.accept("include")) {
        c.skipParenthesised();
      } else if (c.acceptAll("nulls", "not", "distinct") || c.acceptAll("nulls", "distinct")) {
        // Unique indexes here always treat NULLs as distinct (the default).
      } else if (c.accept("with")) {
        c.skipParenthesised();
      } else if (c.accept("tablespace")) {
        c.identifier();
      } else if (c.accept("where")) {
        int start = c.index();
        while (!c.atEnd() && c.peek().kind() != Token.Kind.SEMICOLON) {
          c.next();
        }
        predicate = c.textFrom(start);
      } else {
        throw c.unexpected();
      }
    }
    if (unique && predicate != null) {
      throw unsupported("partial unique indexes (CREATE UNIQUE INDEX … WHERE)");
    }
    return new DdlStatement.CreateIndex(name, table, columns, unique, method.toLowerCase(Locale.ROOT),
        predicate, ifNotExists);
  }

  private static IndexDef.Column column(TokenCursor c) {
    Token t = c.peek();
    if (t != null && t.kind() == Token.Kind.LEFT_PAREN
        || c.peek(1) != null && c.peek(1).kind() == Token.Kind.LEFT_PAREN) {
      throw unsupported("index expressions");
    }
    String name = c.identifier();
    if (c.accept("collate")) {
      RelationName.parse(c);
    }
    Token next = c.peek();
    if (next != null && (next.kind() == Token.Kind.WORD || next.kind() == Token.Kind.QUOTED_IDENTIFIER)
        && !next.is("asc") && !next.is("desc") && !next.is("nulls")) {
      RelationName.parse(c); // an operator class such as text_pattern_ops
    }
    boolean descending = false;
    if (c.accept("desc")) {
      descending = true;
    } else {
      c.accept("asc");
    }
    boolean nullsFirst = descending;
    if (c.accept("nulls")) {
      if (c.accept("first")) {
        nullsFirst = true;
      } else {
        c.expect("last");
        nullsFirst = false;
      }
    }
    return new IndexDef.Column(name, descending, nullsFirst);
  }

  /** After DROP INDEX. */
  static DdlStatement.DropIndex drop(TokenCursor c) {
    c.accept("concurrently");
    boolean ifExists = c.acceptAll("if", "exists");
    List<String> names = RelationName.list(c);
    RelationName.dropBehaviour(c);
    return new DdlStatement.DropIndex(names, ifExists);
  }

  private static SqlStateException unsupported(String what) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, what + " are not supported yet");
  }
}
