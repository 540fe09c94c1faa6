package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** CREATE [OR REPLACE] VIEW and DROP VIEW, PostgreSQL 15 syntax. */
final class ViewDdlParser {
  private ViewDdlParser() {}

  /** After CREATE [OR REPLACE] [TEMP] VIEW. */
  static DdlStatement.CreateView create(TokenCursor c, boolean orReplace) {
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    if (ifNotExists) {
      throw c.error("syntax error at or near \"not\"");
    }
    String name = RelationName.parse(c);
    List<String> columns = new ArrayList<>();
    if (c.accept(Token.Kind.LEFT_PAREN)) {
      do {
        columns.add(c.identifier());
      } while (c.accept(Token.Kind.COMMA));
      c.expect(Token.Kind.RIGHT_PAREN);
    }
    if (c.accept("with")) {
      c.skipParenthesised();
    }
    c.expect("as");
    int start = c.index();
    while (!c.atEnd() && c.peek().kind() != Token.Kind.SEMICOLON) {
      if (c.peek().is("with") && isCheckOption(c)) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "WITH CHECK OPTION is not supported yet: views cannot be written to");
      }
      c.next();
    }
    String query = c.textFrom(start);
    if (query.isBlank()) {
      throw c.error("syntax error at end of input");
    }
    return new DdlStatement.CreateView(name, columns, query, orReplace);
  }

  private static boolean isCheckOption(TokenCursor c) {
    Token t1 = c.peek(1);
    Token t2 = c.peek(2);
    return t1 != null && (t1.is("check") || (t1.is("cascaded") || t1.is("local")) && t2 != null && t2.is("check"));
  }

  /** After DROP VIEW. */
  static DdlStatement.DropView drop(TokenCursor c) {
    boolean ifExists = c.acceptAll("if", "exists");
    List<String> names = RelationName.list(c);
    boolean cascade = RelationName.dropBehaviour(c);
    return new DdlStatement.DropView(names, ifExists, cascade);
  }
}
