package org.yggdrasil.planner.parse;

import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * A column type as written in DDL, resolved to a store type: PostgreSQL's names and aliases
 * ({@code int}, {@code integer}, {@code int4}, {@code character varying(n)}, {@code timestamp
 * with time zone}, …).
 *
 * @param type the store type
 * @param length varchar/bpchar length or numeric precision, -1 when none
 * @param scale numeric scale, -1 when none
 * @param userType the name of a user-defined (enum) type, whose values are stored as text; the
 *     statement's executor resolves it against the catalog; null for built-in types
 */
public record TypeName(ColumnType type, int length, int scale, String userType) {

  public TypeName(ColumnType type, int length, int scale) {
    this(type, length, scale, null);
  }

  /** Parses a type name at the cursor, including its modifiers. */
  public static TypeName parse(TokenCursor c) {
    String name = c.identifier();
    if (c.accept(Token.Kind.DOT)) {
      if (!name.equals("public")) {
        throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
            "type \"" + name + "." + c.identifier() + "\" does not exist");
      }
      name = c.identifier();
      rejectArray(c);
      return new TypeName(ColumnType.TEXT, -1, -1, name);
    }
    String word = name.toLowerCase(Locale.ROOT);
    TypeName result = switch (word) {
      case "bool", "boolean" -> simple(ColumnType.BOOL);
      case "int2", "smallint" -> simple(ColumnType.INT2);
      case "int", "int4", "integer" -> simple(ColumnType.INT4);
      case "int8", "bigint" -> simple(ColumnType.INT8);
      case "real", "float4" -> simple(ColumnType.FLOAT4);
      case "float8" -> simple(ColumnType.FLOAT8);
      case "double" -> {
        c.expect("precision");
        yield simple(ColumnType.FLOAT8);
      }
      case "float" -> {
        int p = optionalModifiers(c)[0];
        yield simple(p >= 1 && p <= 24 ? ColumnType.FLOAT4 : ColumnType.FLOAT8);
      }
      case "numeric", "decimal", "dec" -> {
        int[] m = optionalModifiers(c);
        if (m[0] != -1 && (m[0] < 1 || m[0] > 1000)) {
          throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
              "NUMERIC precision " + m[0] + " must be between 1 and 1000");
        }
        yield new TypeName(ColumnType.NUMERIC, m[0], m[0] == -1 ? -1 : Math.max(m[1], 0));
      }
      case "text" -> simple(ColumnType.TEXT);
      case "varchar" -> new TypeName(ColumnType.VARCHAR, optionalModifiers(c)[0], -1);
      case "character", "char", "bpchar", "nchar" -> {
        if (c.accept("varying")) {
          yield new TypeName(ColumnType.VARCHAR, optionalModifiers(c)[0], -1);
        }
        int n = optionalModifiers(c)[0];
        yield new TypeName(ColumnType.BPCHAR, word.equals("bpchar") ? n : n == -1 ? 1 : n, -1);
      }
      case "bytea" -> simple(ColumnType.BYTEA);
      case "date" -> simple(ColumnType.DATE);
      case "timestamp" -> {
        optionalModifiers(c);
        if (c.acceptAll("with", "time", "zone")) {
          yield simple(ColumnType.TIMESTAMPTZ);
        }
        c.acceptAll("without", "time", "zone");
        yield simple(ColumnType.TIMESTAMP);
      }
      case "timestamptz" -> {
        optionalModifiers(c);
        yield simple(ColumnType.TIMESTAMPTZ);
      }
      case "uuid" -> simple(ColumnType.UUID);
      // Any other name may be an enum type: the executor looks it up (42704 if it is none).
      default -> new TypeName(ColumnType.TEXT, -1, -1, name);
    };
    rejectArray(c);
    return result;
  }

  private static void rejectArray(TokenCursor c) {
    if (c.peek() != null && c.peek().kind() == Token.Kind.OPERATOR && c.peek().text().equals("[")) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, "array columns are not supported yet");
    }
  }

  private static TypeName simple(ColumnType type) {
    return new TypeName(type, -1, -1);
  }

  /** Reads {@code (a)} or {@code (a, b)} if present; missing values are -1. */
  private static int[] optionalModifiers(TokenCursor c) {
    int[] mods = {-1, -1};
    if (c.accept(Token.Kind.LEFT_PAREN)) {
      mods[0] = Integer.parseInt(c.next().text());
      if (c.accept(Token.Kind.COMMA)) {
        mods[1] = Integer.parseInt(c.next().text());
      }
      c.expect(Token.Kind.RIGHT_PAREN);
    }
    return mods;
  }
}
