package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;

/** Parses the model statements (see {@link ModelStatement}); 42601 at the offending token. */
public final class ModelDdlParser {
  private ModelDdlParser() {}

  public static ModelStatement parse(String sql) {
    TokenCursor c = new TokenCursor(sql);
    ModelStatement s;
    if (c.accept("create")) {
      boolean orReplace = c.acceptAll("or", "replace");
      c.expect("model");
      s = create(c, orReplace);
    } else if (c.accept("drop")) {
      c.expect("model");
      boolean ifExists = c.acceptAll("if", "exists");
      List<String> names = new ArrayList<>();
      do {
        names.add(c.identifier());
      } while (c.accept(Token.Kind.COMMA));
      s = new ModelStatement.Drop(names, ifExists);
    } else if (c.accept("show")) {
      c.expect("models");
      s = new ModelStatement.Show();
    } else {
      c.expect("describe");
      c.expect("model");
      s = new ModelStatement.Describe(c.identifier());
    }
    c.accept(Token.Kind.SEMICOLON);
    if (!c.atEnd()) {
      throw c.unexpected();
    }
    return s;
  }

  private static ModelStatement.Create create(TokenCursor c, boolean orReplace) {
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    if (ifNotExists && orReplace) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR,
          "CREATE OR REPLACE MODEL cannot be combined with IF NOT EXISTS");
    }
    String name = c.identifier();
    c.expect("type");
    String type = c.identifier();
    Map<String, String> options = new LinkedHashMap<>();
    if (c.accept("options")) {
      c.expect(Token.Kind.LEFT_PAREN);
      do {
        String option = c.identifier();
        c.accept(Token.Kind.OPERATOR); // "=" (optional, as in PostgreSQL's WITH (…) lists)
        if (options.put(option, value(c)) != null) {
          throw new SqlStateException(SqlState.SYNTAX_ERROR,
              "option \"" + option + "\" specified more than once");
        }
      } while (c.accept(Token.Kind.COMMA));
      c.expect(Token.Kind.RIGHT_PAREN);
    }
    c.expect("as");
    int start = c.index();
    while (!c.atEnd() && c.peek().kind() != Token.Kind.SEMICOLON) {
      c.next();
    }
    String query = c.textFrom(start);
    if (query.isBlank()) {
      throw c.error("syntax error at end of input");
    }
    return new ModelStatement.Create(name, orReplace, ifNotExists, type, options, query);
  }

  /** An option value: a number (optionally signed), a string or a word; its text. */
  private static String value(TokenCursor c) {
    Token t = c.next();
    if (t.kind() == Token.Kind.OPERATOR && (t.text().equals("-") || t.text().equals("+"))) {
      Token n = c.next();
      if (n.kind() != Token.Kind.NUMBER) {
        c.reset(c.index() - 1);
        throw c.unexpected();
      }
      return t.text().equals("-") ? "-" + n.text() : n.text();
    }
    return switch (t.kind()) {
      case NUMBER, WORD -> t.text();
      case STRING -> t.text().substring(1, t.text().length() - 1).replace("''", "'");
      default -> {
        c.reset(c.index() - 1);
        throw c.unexpected();
      }
    };
  }
}
