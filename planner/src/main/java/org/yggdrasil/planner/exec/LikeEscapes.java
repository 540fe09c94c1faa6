package org.yggdrasil.planner.exec;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's LIKE and ILIKE escape with a backslash unless an ESCAPE clause says otherwise
 * ({@code 'a_c' LIKE 'a\_c'} is true); Calcite's escape nothing without one. Calls without ESCAPE
 * get {@code ESCAPE '\'}. A literal pattern is also brought to what Calcite accepts: PostgreSQL
 * reads a backslash before any other character as that character ({@code '\a'} matches "a"),
 * where Calcite rejects the sequence. A literal pattern ending in a lone backslash is rejected
 * (22025) as the statement is planned; PostgreSQL rejects it only when matching reaches that
 * backslash with text left over, so {@code 'a' LIKE 'a\'} is false there and an error here.
 */
final class LikeEscapes {
  private static final char ESCAPE = '\\';

  private LikeEscapes() {}

  /** {@code call} with the default escape, or null when it is not a LIKE without ESCAPE. */
  static SqlCall withDefaultEscape(SqlCall call) {
    if (call.getKind() != SqlKind.LIKE || call.operandCount() != 2) {
      return null;
    }
    SqlParserPos pos = call.getParserPosition();
    SqlNode pattern = call.operand(1);
    if (pattern instanceof SqlCharStringLiteral literal) {
      pattern = SqlLiteral.createCharString(canonical(literal.getValueAs(String.class)),
          literal.getParserPosition());
    }
    return call.getOperator().createCall(pos, call.operand(0), pattern,
        SqlLiteral.createCharString(String.valueOf(ESCAPE), pos));
  }

  /** {@code pattern} with every backslash kept only before %, _ or a backslash. */
  static String canonical(String pattern) {
    if (pattern.indexOf(ESCAPE) < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != ESCAPE) {
        out.append(c);
        continue;
      }
      if (i + 1 == pattern.length()) {
        throw new SqlStateException(SqlState.INVALID_ESCAPE_SEQUENCE,
            "LIKE pattern must not end with escape character", null,
            "Double the backslash to match one: '\\\\'.", 0, null);
      }
      char next = pattern.charAt(++i);
      if (next == '%' || next == '_' || next == ESCAPE) {
        out.append(ESCAPE);
      }
      out.append(next);
    }
    return out.toString();
  }
}
