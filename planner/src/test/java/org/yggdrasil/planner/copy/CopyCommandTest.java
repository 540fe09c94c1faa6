package org.yggdrasil.planner.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlStateException;

/** COPY's statement forms and options, with PostgreSQL 15's defaults, checks and SQLSTATEs. */
class CopyCommandTest {

  @Test
  void tableColumnsAndDirection() {
    CopyCommand c = CopyCommand.parse("COPY public.\"T\" (a, \"B\") FROM STDIN;");
    assertEquals("T", c.table());
    assertEquals(List.of("a", "B"), c.columns());
    assertTrue(c.from());
    CopyCommand q = CopyCommand.parse("copy (select 1, (2)) to stdout");
    assertNull(q.table());
    assertEquals("select 1, (2)", q.query());
  }

  @Test
  void defaultsOfTextAndCsv() {
    CopyOptions text = CopyCommand.parse("copy t from stdin").options();
    assertEquals('\t', text.delimiter());
    assertEquals("\\N", text.nullText());
    CopyOptions csv = CopyCommand.parse("copy t to stdout with (format csv)").options();
    assertEquals(',', csv.delimiter());
    assertEquals("", csv.nullText());
    assertEquals('"', csv.quote());
    assertEquals('"', csv.escape());
  }

  @Test
  void legacyAndParenthesisedOptionsMeanTheSame() {
    CopyOptions legacy = CopyCommand.parse("COPY t FROM STDIN WITH CSV HEADER DELIMITER AS ';'"
        + " NULL AS 'x' QUOTE '''' ESCAPE E'\\\\' FORCE NOT NULL a, b").options();
    CopyOptions modern = CopyCommand.parse("COPY t FROM STDIN (FORMAT csv, HEADER true,"
        + " DELIMITER ';', NULL 'x', QUOTE '''', ESCAPE '\\', FORCE_NOT_NULL (a, b))").options();
    assertEquals(modern.csv(), legacy.csv());
    assertEquals(modern.header(), legacy.header());
    assertEquals(modern.delimiter(), legacy.delimiter());
    assertArrayEquals(modern.nullString(), legacy.nullString());
    assertEquals('\'', legacy.quote());
    assertEquals('\\', legacy.escape());
    assertEquals(modern.forceNotNull(), legacy.forceNotNull());
    assertEquals(CopyOptions.Header.MATCH,
        CopyCommand.parse("copy t from stdin (header match)").options().header());
    assertEquals(CopyOptions.Header.NONE,
        CopyCommand.parse("copy t from stdin (header off)").options().header());
    assertEquals("\t", new String(new byte[] {CopyCommand.parse(
        "copy t from stdin using delimiters E'\\t'").options().delimiter()},
        StandardCharsets.US_ASCII));
  }

  private static SqlStateException error(String sql) {
    return assertThrows(SqlStateException.class, () -> CopyCommand.parse(sql));
  }

  @Test
  void optionErrorsAsPostgreSqlReportsThem() {
    assertEquals("0A000", error("copy t to stdout (format csv, header match)").state().code());
    assertEquals("COPY quote available only in CSV mode",
        error("copy t from stdin (quote '\"')").getMessage());
    assertEquals("COPY delimiter must be a single one-byte character",
        error("copy t from stdin (delimiter 'ab')").getMessage());
    SqlStateException e = error("copy t from stdin (delimiter '\\')");
    assertEquals("22023", e.state().code());
    assertEquals("COPY delimiter cannot be \"\\\"", e.getMessage());
    assertEquals("COPY delimiter must not appear in the NULL specification",
        error("copy t from stdin (delimiter ',', null 'a,b')").getMessage());
    assertEquals("COPY delimiter and quote must be different",
        error("copy t from stdin (format csv, quote ',')").getMessage());
    e = error("copy t from stdin (format foo)");
    assertEquals("COPY format \"foo\" not recognized", e.getMessage());
    assertEquals(20, e.position(), "at the option, as PostgreSQL points");
    assertEquals("42601", error("copy t from stdin (bogus 1)").state().code());
    e = error("copy t from stdin (format csv, format csv)");
    assertEquals("conflicting or redundant options", e.getMessage());
    assertEquals("header requires a Boolean value or \"match\"",
        error("copy t from stdin (header 'x')").getMessage());
    assertEquals("COPY force quote only available using COPY TO",
        error("copy t from stdin (format csv, force_quote *)").getMessage());
    assertEquals("COPY force not null only available using COPY FROM",
        error("copy t to stdout (format csv, force_not_null (a))").getMessage());
    assertEquals("argument to option \"encoding\" must be a valid encoding name",
        error("copy t from stdin (encoding 'foo')").getMessage());
    assertEquals("0A000", error("copy t from stdin (encoding 'latin1')").state().code());
    CopyCommand.parse("copy t from stdin (encoding 'UTF-8')");
    assertEquals("42601", error("copy (select 1) from stdin").state().code());
  }

  @Test
  void onlyTheClientsEndIsSupported() {
    SqlStateException e = error("copy t from '/etc/passwd'");
    assertEquals("0A000", e.state().code());
    assertTrue(e.hint().contains("\\copy"));
    assertEquals("0A000", error("copy t to program 'cat'").state().code());
  }
}
