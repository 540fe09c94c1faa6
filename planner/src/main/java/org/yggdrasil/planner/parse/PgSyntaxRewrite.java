package org.yggdrasil.planner.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Token-level rewrites that let Calcite's parser read PostgreSQL text:
 *
 * <ul>
 *   <li>Words PostgreSQL allows as column names but Calcite reserves ({@code by}, {@code
 *       value}, {@code year} …) are quoted where they are not used as keywords, so {@code
 *       SELECT value FROM t} and {@code INSERT INTO t (id, by)} parse.
 *   <li>The spellings of {@link CatalogSyntax} (OPERATOR(pg_catalog.~), COLLATE …).
 *   <li>{@code unnest(…)} in a select list is renamed ({@link SelectListUnnest}).
 *   <li>{@code expr::type} becomes {@code CAST(expr AS type)} ({@link InfixCasts}).
 *   <li>{@code expr AT TIME ZONE zone} becomes a function call ({@link AtTimeZoneSyntax}).
 *   <li>PostgreSQL's interval input ({@code interval '1 day'}) becomes Calcite's interval
 *       literals ({@link IntervalLiterals}).
 *   <li>A SELECT with WHERE but no FROM gets a one-row FROM ({@link SelectWithoutFrom}).
 *   <li>{@code bpchar(n)} is spelled {@code char(n)}.
 *   <li>PostgreSQL's typed literals for types Calcite has no literal syntax for ({@code
 *       timestamptz '…'}, {@code int8 '5'}, {@code uuid '…'}) become casts ({@code '…'::int8}).
 * </ul>
 */
public final class PgSyntaxRewrite {
  private static final Set<String> DATE_FIELDS =
      Set.of("year", "month", "day", "hour", "minute", "second");
  static final Set<String> TYPED_LITERAL_TYPES = Set.of("timestamptz", "int2", "int4",
      "int8", "integer", "bigint", "smallint", "bool", "boolean", "text", "numeric", "float4",
      "float8", "uuid", "json", "jsonb", "bytea", "name", "oid", "bpchar", "varchar");

  private static final java.util.regex.Pattern CALCITE_DATE_TIME = java.util.regex.Pattern.compile(
      "'\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?)?'");

  private PgSyntaxRewrite() {}

  public static String apply(String original) {
    String catalog = SelectListUnnest.apply(CatalogSyntax.apply(original));
    String sql = catalog.contains("::") ? InfixCasts.apply(catalog) : catalog;
    String lower = sql.toLowerCase(Locale.ROOT);
    if (lower.contains("interval")) {
      sql = IntervalLiterals.apply(sql);
    }
    if (lower.contains("zone")) {
      sql = AtTimeZoneSyntax.apply(sql);
    }
    if (lower.contains("where") || lower.contains("group") || lower.contains("having")) {
      sql = SelectWithoutFrom.apply(sql);
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.WORD) {
        continue;
      }
      String word = t.text().toLowerCase(Locale.ROOT);
      Token prev = i > 0 ? tokens.get(i - 1) : null;
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      String replacement = null;
      int end = t.end();
      if (TYPED_LITERAL_TYPES.contains(word) && next != null
          && next.kind() == Token.Kind.STRING && !next.text().startsWith("$")
          && (prev == null || !prev.is("as"))) {
        replacement = "CAST(" + next.text() + " AS " + word + ")";
        end = next.end();
        i++;
      } else if ((word.equals("date") || word.equals("timestamp")) && next != null
          && next.kind() == Token.Kind.STRING && next.text().startsWith("'")
          && (prev == null || !prev.is("as"))
          && !(CALCITE_DATE_TIME.matcher(next.text()).matches()
              && (word.equals("timestamp") || next.text().length() == 12))) {
        // Calcite's DATE and TIMESTAMP literals take ISO text only.
        replacement = "CAST(" + next.text() + " AS " + word + ")";
        end = next.end();
        i++;
      } else if (word.equals("bpchar") && next != null
          && next.kind() == Token.Kind.LEFT_PAREN) {
        replacement = "char";
      } else if (quoteAsIdentifier(word, tokens, i)) {
        replacement = "\"" + word + "\"";
      }
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(sql.length() + 16);
        }
        out.append(sql, copied, t.start()).append(replacement);
        copied = end;
      }
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /**
   * The 1-based position in the original text of a 1-based position in {@link #apply}'s
   * result; exact where only clauses were inserted before it.
   */
  public static int originalPosition(String rewritten, int position) {
    return SelectWithoutFrom.originalPosition(rewritten, position);
  }

  /** Throws {@code error} moved to {@code position}; declared to return for use in returns. */
  public static <T> T throwAt(org.yggdrasil.catalog.error.SqlStateException error,
      int position) {
    throw position == error.position() ? error : error.withPosition(position);
  }

  private static boolean quoteAsIdentifier(String word, List<Token> tokens, int i) {
    Token prev = i > 0 ? tokens.get(i - 1) : null;
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    if (next != null && next.kind() == Token.Kind.LEFT_PAREN) {
      // ygg.merge(…): a schema-qualified function named like a reserved word
      return prev != null && prev.kind() == Token.Kind.DOT && word.equals("merge");
    }
    if (prev != null && prev.kind() == Token.Kind.DOT) {
      return true;
    }
    return switch (word) {
      case "by" -> prev == null
          || !(prev.is("group") || prev.is("order") || prev.is("partition"));
      case "value" -> prev == null || !prev.is("next");
      case "new", "old" -> true; // column names in PostgreSQL, keywords in Calcite
      case "default" -> prev != null && prev.is("as"); // a column label (SQLAlchemy's reflection)
      default -> DATE_FIELDS.contains(word) && !isDateFieldKeyword(tokens, i);
    };
  }

  /** {@code INTERVAL '1' DAY}, {@code DAY TO SECOND}, {@code EXTRACT(DAY FROM …)}. */
  private static boolean isDateFieldKeyword(List<Token> tokens, int i) {
    Token prev = i > 0 ? tokens.get(i - 1) : null;
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    if (prev != null && (prev.kind() == Token.Kind.STRING || prev.is("to"))) {
      return true;
    }
    if (next != null && (next.is("to") || next.is("from"))) {
      return true;
    }
    if (prev != null && prev.kind() == Token.Kind.LEFT_PAREN && i >= 2) {
      Token fn = tokens.get(i - 2);
      return fn.is("extract") || fn.is("timestampadd") || fn.is("timestampdiff")
          || fn.is("date_part");
    }
    return false;
  }
}
