package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;

/**
 * Translates Calcite's exceptions, which carry no SQLSTATE, into PostgreSQL's errors at the one
 * boundary where Calcite is called. Messages are rephrased the way PostgreSQL words them.
 */
public final class CalciteErrors {
  private static final Pattern OBJECT_NOT_FOUND =
      Pattern.compile("(?:Object|Table) '([^']*)' not found");
  private static final Pattern COLUMN_NOT_FOUND =
      Pattern.compile("Column '([^']*)' not found");
  private static final Pattern SELF_DEPENDENT =
      Pattern.compile("The definition of column '([^']*)' depends on itself");
  private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
  private static final Pattern NO_FUNCTION =
      Pattern.compile("No match found for function signature ([^\\s]+)");
  private static final Pattern CANNOT_APPLY =
      Pattern.compile("Cannot apply '([^']*)' to arguments of type '([^']*)'");

  private CalciteErrors() {}

  static SqlStateException parseError(SqlParseException e, String sql) {
    SqlParserPos pos = e.getPos();
    int offset = pos == null ? -1 : offsetOf(sql, pos.getLineNum(), pos.getColumnNum());
    if (offset < 0 || offset >= sql.length()) {
      return new SqlStateException(SqlState.SYNTAX_ERROR, "syntax error at end of input",
          null, null, sql.length() + 1, e);
    }
    Matcher encountered = ENCOUNTERED.matcher(String.valueOf(e.getMessage()));
    if (encountered.find() && encountered.group(1).endsWith("<EOF>")) {
      return new SqlStateException(SqlState.SYNTAX_ERROR, "syntax error at end of input",
          null, null, sql.stripTrailing().length() + 1, e);
    }
    offset = lastEncounteredToken(e, sql, offset);
    if (isTrailingKeyword(sql, offset)) {
      return new SqlStateException(SqlState.SYNTAX_ERROR, "syntax error at end of input",
          null, null, sql.stripTrailing().length() + 1, e);
    }
    offset = pastEmptyClause(sql, offset);
    String near = tokenAt(sql, offset);
    return new SqlStateException(SqlState.SYNTAX_ERROR,
        "syntax error at or near \"" + near + "\"", null, null, offset + 1, e);
  }

  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");

  /**
   * Calcite reports the unexpected token together with the lookahead before it ("Encountered
   * \"FROM FROM\""); PostgreSQL points at the token that cannot be parsed, the last one.
   */
  private static int lastEncounteredToken(SqlParseException e, String sql, int offset) {
    Matcher m = ENCOUNTERED.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return offset;
    }
    try {
      int count = SqlLexer.tokenize(m.group(1)).size();
      List<Token> tokens = SqlLexer.tokenize(sql.substring(offset));
      if (count > 1 && tokens.size() >= count) {
        return offset + tokens.get(count - 1).start();
      }
    } catch (SqlStateException ignored) {
      // keep Calcite's position
    }
    return offset;
  }

  /** Reserved words that cannot begin an expression or a table reference. */
  private static final java.util.Set<String> CANNOT_BEGIN_OPERAND = java.util.Set.of("from",
      "where", "group", "having", "order", "limit", "offset", "on", "join", "by", "and", "or",
      "then", "else", "end", "union", "except", "intersect", "into", "set", "when", "as");

  /**
   * When a clause keyword is followed by a word that cannot begin its operand ({@code FROM
   * FROM}), Calcite gives up on the optional clause and reports the keyword; PostgreSQL's
   * grammar enters the clause and reports the word after it.
   */
  private static int pastEmptyClause(String sql, int offset) {
    try {
      List<Token> rest = SqlLexer.tokenize(sql.substring(offset));
      if (rest.size() >= 2 && rest.get(0).kind() == Token.Kind.WORD
          && CONTINUING_KEYWORDS.contains(rest.get(0).text().toLowerCase(java.util.Locale.ROOT))
          && rest.get(1).kind() == Token.Kind.WORD
          && CANNOT_BEGIN_OPERAND.contains(rest.get(1).text().toLowerCase(java.util.Locale.ROOT))) {
        return offset + rest.get(1).start();
      }
    } catch (SqlStateException ignored) {
      // keep the position found so far
    }
    return offset;
  }

  private static final java.util.Set<String> CONTINUING_KEYWORDS = java.util.Set.of("where",
      "and", "or", "from", "select", "by", "on", "join", "set", "values", "into", "having",
      "group", "order", "limit", "offset", "not", "like", "in", "is", "between", "then", "else",
      "when", "case", "as", "union", "except", "intersect", "all", "distinct", "with");

  /**
   * True when the parser stopped at the statement's last token and that token is a keyword that
   * needs something after it: PostgreSQL reports such errors "at end of input".
   */
  private static boolean isTrailingKeyword(String sql, int offset) {
    try {
      List<Token> rest = SqlLexer.tokenize(sql.substring(offset));
      return rest.size() == 1 && rest.get(0).kind() == Token.Kind.WORD
          && CONTINUING_KEYWORDS.contains(rest.get(0).text().toLowerCase(java.util.Locale.ROOT));
    } catch (SqlStateException e) {
      return false;
    }
  }

  static SqlStateException validationError(RuntimeException e, String sql) {
    if (e instanceof SqlStateException s) {
      return s;
    }
    String message = rootMessage(e);
    int position = 0;
    if (e instanceof CalciteContextException cce && cce.getPosLine() > 0) {
      position = offsetOf(sql, cce.getPosLine(), cce.getPosColumn()) + 1;
    }
    Matcher m;
    if ((m = OBJECT_NOT_FOUND.matcher(message)).find()) {
      return positioned(SqlState.UNDEFINED_TABLE,
          "relation \"" + m.group(1) + "\" does not exist", position, e);
    }
    if ((m = COLUMN_NOT_FOUND.matcher(message)).find()) {
      return positioned(SqlState.UNDEFINED_COLUMN,
          "column \"" + m.group(1) + "\" does not exist", position, e);
    }
    if ((m = SELF_DEPENDENT.matcher(message)).find()) {
      // Calcite's wording when an unknown column could be a select-list alias.
      return positioned(SqlState.UNDEFINED_COLUMN,
          "column \"" + m.group(1) + "\" does not exist", position, e);
    }
    if ((m = AMBIGUOUS.matcher(message)).find()) {
      return positioned(SqlState.AMBIGUOUS_COLUMN,
          "column reference \"" + m.group(1) + "\" is ambiguous", position, e);
    }
    if ((m = NO_FUNCTION.matcher(message)).find()) {
      return new SqlStateException(SqlState.UNDEFINED_FUNCTION,
          "function " + m.group(1).toLowerCase(java.util.Locale.ROOT) + " does not exist", null,
          "No function matches the given name and argument types.", position, e);
    }
    if ((m = CANNOT_APPLY.matcher(message)).find()) {
      // PostgreSQL's type names, and the position of the operator itself, as PostgreSQL.
      return new SqlStateException(SqlState.UNDEFINED_FUNCTION,
          "operator does not exist: " + CalciteTypeNames.pgSpelling(m.group(2)), null,
          "No operator matches the given name and argument types."
              + " You might need to add explicit type casts.",
          operatorPosition(sql, position, m.group(1)), e);
    }
    if (message.contains("is not being grouped") || message.contains("not a GROUP BY")) {
      return positioned(SqlState.GROUPING_ERROR, message, position, e);
    }
    if (message.contains("Illegal use of dynamic parameter")) {
      return positioned(SqlState.INDETERMINATE_DATATYPE,
          "could not determine data type of parameter", position, e);
    }
    if (message.contains("Unknown identifier") || message.contains("Unknown datatype")
        || message.contains("Unknown type")) {
      return positioned(SqlState.UNDEFINED_OBJECT, message, position, e);
    }
    SqlStateException translated = runtimeErrorOrNull(e);
    if (translated != null) {
      return translated;
    }
    return positioned(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, message, position, e);
  }

  /** Translates an exception thrown while a plan executes (or is constant-folded). */
  public static SqlStateException runtimeError(Throwable e) {
    SqlStateException t = runtimeErrorOrNull(e);
    if (t != null) {
      return t;
    }
    // An internal error is a bug: keep its stack in the server log, as PostgreSQL logs errors.
    LOG.log(System.Logger.Level.WARNING, "internal error (XX000) while executing a statement", e);
    return new SqlStateException(SqlState.INTERNAL_ERROR, rootMessage(e), e);
  }

  /**
   * The 1-based position of binary operator {@code op} in the expression starting at {@code
   * position} (outside parentheses), or {@code position} when it is not found there.
   */
  private static int operatorPosition(String sql, int position, String op) {
    if (position <= 0 || position > sql.length()) {
      return position;
    }
    int depth = 0;
    for (Token t : SqlLexer.tokenize(sql.substring(position - 1))) {
      switch (t.kind()) {
        case LEFT_PAREN -> depth++;
        case RIGHT_PAREN -> depth--;
        default -> {
          if (depth == 0 && t.kind() == Token.Kind.OPERATOR && t.text().equals(op)) {
            return position + t.start();
          }
        }
      }
      if (depth < 0) {
        break;
      }
    }
    return position;
  }

  private static final System.Logger LOG = System.getLogger(CalciteErrors.class.getName());

  private static SqlStateException runtimeErrorOrNull(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SqlStateException s) {
        return s;
      }
      if (c instanceof ArithmeticException a) {
        String msg = String.valueOf(a.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (msg.contains("by zero") || msg.contains("division undefined")) {
          return new SqlStateException(SqlState.DIVISION_BY_ZERO, "division by zero", e);
        }
        if (msg.contains("overflow")) {
          // Math.*Exact (CheckedIntegers) and Calcite's checked casts name the type that overflowed
          String type = msg.contains("smallint") ? "smallint" : msg.startsWith("long overflow") ? "bigint"
              : msg.startsWith("integer overflow") ? "integer" : null;
          return new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
              type == null ? "value out of range: overflow" : type + " out of range", e);
        }
        return new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, a.getMessage(), e);
      }
      if (c instanceof NumberFormatException n) {
        String input = String.valueOf(n.getMessage()).replaceFirst("^For input string: ", "");
        return new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type numeric: " + input, e);
      }
      if (c instanceof java.time.DateTimeException d) {
        return new SqlStateException(SqlState.INVALID_DATETIME_FORMAT, d.getMessage(), e);
      }
      if (c instanceof IllegalArgumentException i && i.getMessage() != null
          && (i.getMessage().contains("Invalid") || i.getMessage().contains("invalid"))) {
        return new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION, i.getMessage(), e);
      }
    }
    return null;
  }

  private static SqlStateException positioned(SqlState state, String msg, int position,
      Throwable cause) {
    return new SqlStateException(state, msg, null, null, position, cause);
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        message = c.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** 0-based character offset of a 1-based line/column position. */
  static int offsetOf(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) {
        return -1;
      }
      offset = nl + 1;
    }
    return offset + column - 1;
  }

  private static String tokenAt(String sql, int offset) {
    try {
      List<Token> tokens = SqlLexer.tokenize(sql);
      for (Token t : tokens) {
        if (t.end() > offset) {
          return t.text();
        }
      }
    } catch (SqlStateException ignored) {
      // fall through to the raw character
    }
    return sql.substring(offset, Math.min(sql.length(), offset + 1));
  }
}
