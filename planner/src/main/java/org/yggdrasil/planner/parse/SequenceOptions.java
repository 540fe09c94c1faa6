package org.yggdrasil.planner.parse;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The options of CREATE SEQUENCE (and of an identity column's sequence) as written; null means
 * "not given". {@link #resolve} fills in PostgreSQL's defaults for the value type.
 */
public record SequenceOptions(String type, Long start, Long increment, Long min, Long max,
    String ownedByTable, String ownedByColumn) {

  public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, null, null);

  /** The options with PostgreSQL's defaults: {@code [type, start, increment, min, max]}. */
  public long[] resolve(String defaultType) {
    String t = type != null ? type : defaultType;
    long typeMax = switch (t) {
      case "smallint" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    long typeMin = switch (t) {
      case "smallint" -> Short.MIN_VALUE;
      case "integer" -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
    long inc = increment != null ? increment : 1;
    if (inc == 0) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
    }
    long lo = min != null ? min : inc > 0 ? 1 : typeMin;
    long hi = max != null ? max : inc > 0 ? typeMax : -1;
    if (lo < typeMin || hi > typeMax) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, (lo < typeMin ? "MINVALUE (" + lo
          : "MAXVALUE (" + hi) + ") is out of range for sequence data type " + t);
    }
    if (lo >= hi) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "MINVALUE (" + lo + ") must be less than MAXVALUE (" + hi + ")");
    }
    long first = start != null ? start : inc > 0 ? lo : hi;
    if (first < lo) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "START value (" + first + ") cannot be less than MINVALUE (" + lo + ")");
    }
    if (first > hi) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "START value (" + first + ") cannot be greater than MAXVALUE (" + hi + ")");
    }
    return new long[] {first, inc, lo, hi};
  }

  public String typeOr(String defaultType) {
    return type != null ? type : defaultType;
  }

  /** Parses options until none follows; stops before anything else (a ')' or the end). */
  static SequenceOptions parse(TokenCursor c) {
    String type = null;
    Long start = null;
    Long increment = null;
    Long min = null;
    Long max = null;
    String ownedTable = null;
    String ownedColumn = null;
    while (true) {
      if (c.accept("as")) {
        type = switch (c.identifier()) {
          case "smallint", "int2" -> "smallint";
          case "integer", "int", "int4" -> "integer";
          case "bigint", "int8" -> "bigint";
          default -> throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
              "sequence type must be smallint, integer, or bigint");
        };
      } else if (c.accept("increment")) {
        c.accept("by");
        increment = number(c);
      } else if (c.accept("minvalue")) {
        min = number(c);
      } else if (c.accept("maxvalue")) {
        max = number(c);
      } else if (c.acceptAll("no", "minvalue") || c.acceptAll("no", "maxvalue")
          || c.acceptAll("no", "cycle")) {
        // the defaults
      } else if (c.accept("start")) {
        c.accept("with");
        start = number(c);
      } else if (c.accept("restart")) {
        c.accept("with");
        start = number(c);
      } else if (c.accept("cache")) {
        number(c); // values are handed out one by one here
      } else if (c.accept("cycle")) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "CYCLE sequences are not supported yet");
      } else if (c.acceptAll("owned", "by")) {
        if (c.accept("none")) {
          ownedTable = null;
        } else {
          String first = c.identifier();
          c.expect(Token.Kind.DOT);
          String second = c.identifier();
          if (c.accept(Token.Kind.DOT)) {
            if (!first.equals("public")) {
              throw new SqlStateException(SqlState.INVALID_SCHEMA_NAME,
                  "schema \"" + first + "\" does not exist");
            }
            first = second;
            second = c.identifier();
          }
          ownedTable = first;
          ownedColumn = second;
        }
      } else {
        return new SequenceOptions(type, start, increment, min, max, ownedTable, ownedColumn);
      }
    }
  }

  private static long number(TokenCursor c) {
    boolean negative = false;
    Token t = c.peek();
    if (t != null && t.kind() == Token.Kind.OPERATOR && (t.text().equals("-") || t.text().equals("+"))) {
      negative = t.text().equals("-");
      c.next();
    }
    Token n = c.next();
    if (n.kind() != Token.Kind.NUMBER) {
      c.reset(c.index() - 1);
      throw c.unexpected();
    }
    try {
      long v = Long.parseLong(n.text());
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "value \"" + n.text() + "\" is out of range for type bigint");
    }
  }
}
