package org.yggdrasil.planner.copy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.Token;

/**
 * Collects a COPY statement's options as written and turns them into {@link CopyOptions} with
 * PostgreSQL's checks, messages and SQLSTATEs ({@code ProcessCopyOptions} in copy.c).
 */
final class CopyOptionList {
  private static final Set<String> ENCODINGS = Set.of("utf8", "unicode", "sqlascii", "latin1",
      "latin2", "latin3", "latin4", "latin5", "latin6", "latin7", "latin8", "latin9", "latin10",
      "iso88591", "iso88592", "iso88593", "iso88594", "iso88595", "iso88596", "iso88597",
      "iso88598", "iso88599", "iso885910", "iso885913", "iso885914", "iso885915", "iso885916",
      "win866", "win874", "win1250", "win1251", "win1252", "win1253", "win1254", "win1255",
      "win1256", "win1257", "win1258", "koi8r", "koi8u", "eucjp", "euccn", "euckr", "euctw",
      "eucjis2004", "sjis", "shiftjis2004", "big5", "gbk", "gb18030", "uhc", "johab",
      "muleinternal", "alt", "windows1252", "windows1251", "cp1252", "cp1251");

  private record Option(Object value, Token at) {}

  private final Map<String, Option> options = new LinkedHashMap<>();

  /** A plain option; {@code value} null when none was written ({@code HEADER}). */
  void add(String name, String value, Token at) {
    put(name, value, at);
  }

  /** A column-list option ({@code FORCE_QUOTE (a, b)} or {@code *}). */
  void addList(String name, List<String> columns, Token at) {
    put(name, columns, at);
  }

  private void put(String name, Object value, Token at) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!Set.of("format", "freeze", "delimiter", "null", "header", "quote", "escape",
        "force_quote", "force_not_null", "force_null", "encoding").contains(key)) {
      throw error(SqlState.SYNTAX_ERROR, "option \"" + name + "\" not recognized", at);
    }
    if (options.containsKey(key)) {
      throw error(SqlState.SYNTAX_ERROR, "conflicting or redundant options", at);
    }
    options.put(key, new Option(value, at));
  }

  CopyOptions validate(boolean from) {
    boolean csv = false;
    Option format = options.get("format");
    if (format != null) {
      String f = string("format", format);
      switch (f.toLowerCase(Locale.ROOT)) {
        case "text" -> csv = false;
        case "csv" -> csv = true;
        case "binary" -> throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "COPY in binary format is not supported", null,
            "Use FORMAT text or FORMAT csv.", 0, null);
        default -> throw error(SqlState.INVALID_PARAMETER_VALUE,
            "COPY format \"" + f + "\" not recognized", format.at());
      }
    }
    if (options.containsKey("freeze")) {
      bool("freeze", options.get("freeze"));
    }
    CopyOptions.Header header = header(from);
    encoding();
    String delimiter = optionalString("delimiter");
    String nullString = optionalString("null");
    String quote = optionalString("quote");
    String escape = optionalString("escape");
    List<String> forceQuote = list("force_quote");
    List<String> forceNotNull = list("force_not_null");
    List<String> forceNull = list("force_null");

    if (delimiter == null) {
      delimiter = csv ? "," : "\t";
    }
    if (nullString == null) {
      nullString = csv ? "" : "\\N";
    }
    if (csv && quote == null) {
      quote = "\"";
    }
    if (csv && escape == null) {
      escape = quote;
    }
    if (!singleByte(delimiter)) {
      throw unsupported("COPY delimiter must be a single one-byte character");
    }
    char d = delimiter.charAt(0);
    if (d == '\n' || d == '\r') {
      throw invalid("COPY delimiter cannot be newline or carriage return");
    }
    if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
      throw invalid("COPY null representation cannot use newline or carriage return");
    }
    if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(d) >= 0) {
      throw invalid("COPY delimiter cannot be \"" + delimiter + "\"");
    }
    if (!csv && quote != null) {
      throw unsupported("COPY quote available only in CSV mode");
    }
    if (csv && !singleByte(quote)) {
      throw unsupported("COPY quote must be a single one-byte character");
    }
    if (csv && d == quote.charAt(0)) {
      throw invalid("COPY delimiter and quote must be different");
    }
    if (!csv && escape != null) {
      throw unsupported("COPY escape available only in CSV mode");
    }
    if (csv && !singleByte(escape)) {
      throw unsupported("COPY escape must be a single one-byte character");
    }
    if (!csv && forceQuote != null) {
      throw unsupported("COPY force quote available only in CSV mode");
    }
    if (forceQuote != null && from) {
      throw unsupported("COPY force quote only available using COPY TO");
    }
    if (!csv && forceNotNull != null) {
      throw unsupported("COPY force not null available only in CSV mode");
    }
    if (forceNotNull != null && !from) {
      throw unsupported("COPY force not null only available using COPY FROM");
    }
    if (!csv && forceNull != null) {
      throw unsupported("COPY force null available only in CSV mode");
    }
    if (forceNull != null && !from) {
      throw unsupported("COPY force null only available using COPY FROM");
    }
    if (nullString.indexOf(d) >= 0) {
      throw unsupported("COPY delimiter must not appear in the NULL specification");
    }
    if (csv && nullString.indexOf(quote.charAt(0)) >= 0) {
      throw unsupported("CSV quote character must not appear in the NULL specification");
    }
    return new CopyOptions(csv, (byte) d, nullString.getBytes(StandardCharsets.UTF_8), header,
        csv ? (byte) quote.charAt(0) : 0, csv ? (byte) escape.charAt(0) : 0, forceQuote,
        forceNotNull, forceNull);
  }

  private CopyOptions.Header header(boolean from) {
    Option o = options.get("header");
    if (o == null) {
      return CopyOptions.Header.NONE;
    }
    if (o.value() == null) {
      return CopyOptions.Header.PRESENT;
    }
    if (o.value() instanceof String s) {
      String v = s.toLowerCase(Locale.ROOT);
      if (v.equals("match")) {
        if (!from) {
          throw unsupported("cannot use \"match\" with HEADER in COPY TO");
        }
        return CopyOptions.Header.MATCH;
      }
      Boolean b = booleanValue(v);
      if (b != null) {
        return b ? CopyOptions.Header.PRESENT : CopyOptions.Header.NONE;
      }
    }
    throw error(SqlState.SYNTAX_ERROR, "header requires a Boolean value or \"match\"", null);
  }

  /** Only UTF-8 data is read and written; other encodings PostgreSQL knows are refused. */
  private void encoding() {
    Option o = options.get("encoding");
    if (o == null) {
      return;
    }
    String name = string("encoding", o).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (!ENCODINGS.contains(name)) {
      throw error(SqlState.INVALID_PARAMETER_VALUE,
          "argument to option \"encoding\" must be a valid encoding name", o.at());
    }
    if (!name.equals("utf8") && !name.equals("unicode")) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "COPY with ENCODING '" + o.value() + "' is not supported: data must be UTF8", null,
          "Convert the data to UTF-8 on the client (psql's \\encoding does that).", 0, null);
    }
  }

  private void bool(String name, Option o) {
    if (o.value() != null && (!(o.value() instanceof String s) || booleanValue(s) == null)) {
      throw error(SqlState.SYNTAX_ERROR, name + " requires a Boolean value", null);
    }
  }

  private static Boolean booleanValue(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "on", "1" -> true;
      case "false", "off", "0" -> false;
      default -> null;
    };
  }

  private String optionalString(String name) {
    Option o = options.get(name);
    return o == null ? null : string(name, o);
  }

  private static String string(String name, Option o) {
    if (!(o.value() instanceof String s)) {
      throw error(SqlState.SYNTAX_ERROR, name + " requires a parameter", null);
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private List<String> list(String name) {
    Option o = options.get(name);
    if (o == null) {
      return null;
    }
    if (!(o.value() instanceof List<?> l)) {
      throw error(SqlState.INVALID_PARAMETER_VALUE,
          "argument to option \"" + name + "\" must be a list of column names", o.at());
    }
    return (List<String>) l;
  }

  private static boolean singleByte(String s) {
    return s.length() == 1 && s.charAt(0) < 0x80;
  }

  private static SqlStateException unsupported(String message) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, message);
  }

  private static SqlStateException invalid(String message) {
    return new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, message);
  }

  private static SqlStateException error(SqlState state, String message, Token at) {
    return new SqlStateException(state, message, null, null, at == null ? 0 : at.start() + 1,
        null);
  }
}
