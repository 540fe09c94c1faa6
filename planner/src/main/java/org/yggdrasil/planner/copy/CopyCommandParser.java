package org.yggdrasil.planner.copy;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;

/**
 * PostgreSQL's COPY grammar:
 *
 * <pre>
 *   COPY table [(col, ...)] FROM|TO STDIN|STDOUT|'file'|PROGRAM 'cmd'
 *        [[USING] DELIMITERS 'c'] [WITH] options [WHERE ...]
 *   COPY (query) TO STDOUT [WITH] options
 *   options:  ( name [value], ... )                         -- the current form
 *           | BINARY | FREEZE | CSV | HEADER | DELIMITER [AS] 's' | NULL [AS] 's'
 *             | QUOTE [AS] 's' | ESCAPE [AS] 's' | FORCE QUOTE cols|* | FORCE NOT NULL cols
 *             | FORCE NULL cols | ENCODING 's' ...           -- the form psql and pg_dump use
 * </pre>
 *
 * Only STDIN and STDOUT are supported as the data's end: the server does not read or write its
 * own files.
 */
final class CopyCommandParser {
  private final TokenCursor c;
  private final CopyOptionList options = new CopyOptionList();

  private CopyCommandParser(String sql) {
    this.c = new TokenCursor(sql);
  }

  static CopyCommand parse(String sql) {
    return new CopyCommandParser(sql).command();
  }

  private CopyCommand command() {
    c.expect("copy");
    String table = null;
    List<String> columns = null;
    String query = null;
    if (c.peek() != null && c.peek().kind() == Token.Kind.LEFT_PAREN) {
      int open = c.index();
      c.skipParenthesised();
      String inner = c.textFrom(open);
      query = inner.substring(1, inner.length() - 1).strip();
    } else {
      if (c.accept("binary")) {
        options.add("format", "binary", null);
      }
      table = tableName();
      if (c.peek() != null && c.peek().kind() == Token.Kind.LEFT_PAREN) {
        columns = nameList();
      }
    }
    boolean from;
    if (query == null && c.accept("from")) {
      from = true;
    } else if (c.accept("to")) {
      from = false;
    } else {
      throw c.unexpected();
    }
    endpoint(from);
    if (c.accept("using")) {
      legacyDelimiters();
    } else if (c.peek() != null && c.peek().is("delimiters")) {
      legacyDelimiters();
    }
    c.accept("with");
    if (c.peek() != null && c.peek().kind() == Token.Kind.LEFT_PAREN) {
      genericOptions();
    } else {
      legacyOptions();
    }
    if (c.peek() != null && c.peek().is("where") && from && query == null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "COPY FROM with a WHERE clause is not supported", null,
          "Load into a table without the WHERE clause, then INSERT ... SELECT ... WHERE.", 0,
          null);
    }
    c.accept(Token.Kind.SEMICOLON);
    if (!c.atEnd()) {
      throw c.unexpected();
    }
    return new CopyCommand(table, columns, query, from, options.validate(from));
  }

  /** {@code name} or {@code public.name}; other schemas do not exist. */
  private String tableName() {
    String name = c.identifier();
    if (c.accept(Token.Kind.DOT)) {
      String relation = c.identifier();
      if (!name.equals("public")) {
        throw new SqlStateException(SqlState.UNDEFINED_TABLE,
            "relation \"" + name + "." + relation + "\" does not exist");
      }
      name = relation;
    }
    return name;
  }

  /** Where the data comes from or goes to: only the client's end of the connection. */
  private void endpoint(boolean from) {
    if (c.accept("stdin") || c.accept("stdout")) {
      return;
    }
    String what = c.accept("program") ? "a program" : "a file";
    Token t = c.peek();
    if (t == null || t.kind() != Token.Kind.STRING) {
      throw c.unexpected();
    }
    throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
        "COPY " + (from ? "from " : "to ") + what + " is not supported: only STDIN and STDOUT are",
        null, from
            ? "Use COPY ... FROM STDIN; psql's \\copy reads a client-side file that way."
            : "Use COPY ... TO STDOUT; psql's \\copy writes a client-side file that way.",
        0, null);
  }

  /** {@code [USING] DELIMITERS 's'}: the pre-7.3 spelling of DELIMITER. */
  private void legacyDelimiters() {
    c.expect("delimiters");
    options.add("delimiter", string(), c.peek(-1));
  }

  private void legacyOptions() {
    while (!c.atEnd() && c.peek().kind() == Token.Kind.WORD && !c.peek().is("where")) {
      Token at = c.peek();
      if (c.accept("binary")) {
        options.add("format", "binary", at);
      } else if (c.accept("freeze")) {
        options.add("freeze", "true", at);
      } else if (c.accept("csv")) {
        options.add("format", "csv", at);
      } else if (c.accept("header")) {
        options.add("header", "true", at);
      } else if (c.accept("delimiter") || c.accept("null") || c.accept("quote")
          || c.accept("escape") || c.accept("encoding")) {
        String name = at.text().toLowerCase(java.util.Locale.ROOT);
        if (!name.equals("encoding")) {
          c.accept("as");
        }
        options.add(name, string(), at);
      } else if (c.accept("force")) {
        if (c.accept("quote")) {
          if (c.peek() != null && c.peek().text().equals("*")) {
            c.next();
            options.addList("force_quote", CopyOptions.ALL, at);
          } else {
            options.addList("force_quote", bareNameList(), at);
          }
        } else if (c.acceptAll("not", "null")) {
          options.addList("force_not_null", bareNameList(), at);
        } else if (c.accept("null")) {
          options.addList("force_null", bareNameList(), at);
        } else {
          throw c.unexpected();
        }
      } else {
        throw c.unexpected();
      }
    }
  }

  /** {@code ( name [value], ... )}. */
  private void genericOptions() {
    c.expect(Token.Kind.LEFT_PAREN);
    do {
      Token at = c.peek();
      String name = label();
      Token v = c.peek();
      if (v == null) {
        throw c.unexpected();
      }
      if (v.kind() == Token.Kind.COMMA || v.kind() == Token.Kind.RIGHT_PAREN) {
        options.add(name, null, at);
      } else if (v.kind() == Token.Kind.LEFT_PAREN) {
        options.addList(name, nameList(), at);
      } else if (v.kind() == Token.Kind.OPERATOR && v.text().equals("*")) {
        c.next();
        options.addList(name, CopyOptions.ALL, at);
      } else {
        options.add(name, value(), at);
      }
    } while (c.accept(Token.Kind.COMMA));
    c.expect(Token.Kind.RIGHT_PAREN);
  }

  /** An option name: any word, keywords included. */
  private String label() {
    Token t = c.next();
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED_IDENTIFIER) {
      c.reset(c.index() - 1);
      throw c.unexpected();
    }
    return t.identifier();
  }

  /** An option value: a string, a word, or a number (with its sign). */
  private String value() {
    Token t = c.next();
    return switch (t.kind()) {
      case STRING -> Literals.stringValue(t.text());
      case WORD, QUOTED_IDENTIFIER -> t.identifier();
      case NUMBER -> t.text();
      case OPERATOR -> {
        if ((t.text().equals("-") || t.text().equals("+")) && c.peek() != null
            && c.peek().kind() == Token.Kind.NUMBER) {
          yield (t.text().equals("-") ? "-" : "") + c.next().text();
        }
        c.reset(c.index() - 1);
        throw c.unexpected();
      }
      default -> {
        c.reset(c.index() - 1);
        throw c.unexpected();
      }
    };
  }

  private String string() {
    Token t = c.peek();
    if (t == null || t.kind() != Token.Kind.STRING) {
      throw c.unexpected();
    }
    c.next();
    return Literals.stringValue(t.text());
  }

  /** {@code (name, ...)}. */
  private List<String> nameList() {
    c.expect(Token.Kind.LEFT_PAREN);
    List<String> names = new ArrayList<>();
    do {
      names.add(c.identifier());
    } while (c.accept(Token.Kind.COMMA));
    c.expect(Token.Kind.RIGHT_PAREN);
    return names;
  }

  /** {@code name, ...} without parentheses (FORCE QUOTE a, b). */
  private List<String> bareNameList() {
    List<String> names = new ArrayList<>();
    do {
      names.add(c.identifier());
    } while (c.accept(Token.Kind.COMMA));
    return names;
  }
}
