package org.yggdrasil.planner.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;

/**
 * Recognises {@code INSERT INTO t [(cols)] VALUES (…), (…)} whose values are only literals,
 * parameters, NULL, TRUE/FALSE and DEFAULT — what bulk loaders, ORMs and pgjdbc's rewritten
 * batches send — with the statement layer's lexer instead of Calcite's parser, which costs
 * milliseconds for a few hundred rows. Anything else returns null and takes the full parser.
 *
 * @param table the target table's name
 * @param columns the column list, or null when none was given
 * @param rows each row's values as parse-tree nodes (literals, markers, DEFAULT)
 */
record PlainValuesInsert(String table, List<String> columns, List<List<SqlNode>> rows) {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  static PlainValuesInsert match(String sql) {
    try {
      return parse(sql);
    } catch (IndexOutOfBoundsException e) {
      return null;  // text that ends early: the full parser reports the error
    }
  }

  private static PlainValuesInsert parse(String sql) {
    List<Token> t = SqlLexer.tokenizeStatement(sql);
    if (t == null) {
      return null;
    }
    int n = t.size();
    if (n < 6 || !t.get(0).is("insert") || !t.get(1).is("into") || !isName(t.get(2))) {
      return null;
    }
    int i = 3;
    String table = t.get(2).identifier();
    if (t.get(i).kind() == Token.Kind.DOT && isName(t.get(i + 1))) {
      if (!table.equals("public")) {
        return null;
      }
      table = t.get(i + 1).identifier();
      i += 2;
    }
    List<String> columns = null;
    if (t.get(i).kind() == Token.Kind.LEFT_PAREN) {
      columns = new ArrayList<>();
      i++;
      while (true) {
        if (!isName(t.get(i))) {
          return null;
        }
        columns.add(t.get(i++).identifier());
        if (t.get(i).kind() == Token.Kind.RIGHT_PAREN) {
          i++;
          break;
        }
        if (t.get(i++).kind() != Token.Kind.COMMA) {
          return null;
        }
      }
    }
    if (i >= n || !t.get(i++).is("values")) {
      return null;
    }
    int[] markers = {0};
    List<List<SqlNode>> rows = new ArrayList<>();
    while (i < n) {
      if (t.get(i++).kind() != Token.Kind.LEFT_PAREN) {
        return null;
      }
      List<SqlNode> row = new ArrayList<>();
      while (true) {
        if (i >= n) {
          return null;
        }
        int consumed = value(t, i, n, row, markers);
        if (consumed == 0) {
          return null;
        }
        i += consumed;
        if (i >= n) {
          return null;
        }
        Token sep = t.get(i++);
        if (sep.kind() == Token.Kind.RIGHT_PAREN) {
          break;
        }
        if (sep.kind() != Token.Kind.COMMA) {
          return null;
        }
      }
      rows.add(row);
      if (i < n && t.get(i).kind() != Token.Kind.COMMA) {
        return null;
      }
      i++;
    }
    return rows.isEmpty() ? null : new PlainValuesInsert(table, columns, rows);
  }

  /** Reads one value at {@code i}; returns the tokens consumed, 0 if it is not a plain value. */
  private static int value(List<Token> t, int i, int n, List<SqlNode> row, int[] markers) {
    Token v = t.get(i);
    switch (v.kind()) {
      case NUMBER -> {
        row.add(SqlLiteral.createExactNumeric(new BigDecimal(v.text()).toPlainString(), POS));
        return 1;
      }
      case STRING -> {
        if (v.text().startsWith("$") || v.text().startsWith("E") || v.text().startsWith("e")) {
          return 0;
        }
        row.add(SqlLiteral.createCharString(
            v.text().substring(1, v.text().length() - 1).replace("''", "'"), POS));
        return 1;
      }
      case OPERATOR -> {
        if (v.text().equals("?")) {
          row.add(new SqlDynamicParam(markers[0]++, POS));
          return 1;
        }
        if (v.text().equals("-") && i + 1 < n && t.get(i + 1).kind() == Token.Kind.NUMBER) {
          row.add(SqlStdOperatorTable.UNARY_MINUS.createCall(POS, SqlLiteral.createExactNumeric(
              new BigDecimal(t.get(i + 1).text()).toPlainString(), POS)));
          return 2;
        }
        return 0;
      }
      case WORD -> {
        if (v.is("null")) {
          row.add(SqlLiteral.createNull(POS));
        } else if (v.is("true") || v.is("false")) {
          row.add(SqlLiteral.createBoolean(v.is("true"), POS));
        } else if (v.is("default")) {
          row.add(SqlStdOperatorTable.DEFAULT.createCall(POS));
        } else {
          return 0;
        }
        return 1;
      }
      default -> {
        return 0;
      }
    }
  }

  private static boolean isName(Token t) {
    return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER;
  }
}
