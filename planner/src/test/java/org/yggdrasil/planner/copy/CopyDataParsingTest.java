package org.yggdrasil.planner.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Lines and fields of COPY data, as PostgreSQL cuts them, whatever the pieces the data arrives
 * in: every input is also fed split at every byte position and must give the same fields.
 */
class CopyDataParsingTest {
  private static final CopyOptions CSV = CopyCommand.parse("copy t from stdin csv").options();

  /** Fields of each line, NULL as the string "NULL", data fed in the given pieces. */
  private static List<String> parse(CopyOptions options, byte[]... pieces) {
    LineReader reader = new LineReader(options);
    TextFields text = new TextFields(options);
    CsvFields csv = new CsvFields(options, null, null);
    Fields fields = new Fields();
    List<String> out = new ArrayList<>();
    for (int p = 0; p <= pieces.length; p++) {
      boolean eof = p == pieces.length;
      if (!eof) {
        reader.append(pieces[p]);
      }
      while (reader.next(eof)) {
        if (options.csv()) {
          csv.split(reader.buffer(), reader.lineStart(), reader.lineEnd(), fields);
        } else {
          text.split(reader.buffer(), reader.lineStart(), reader.lineEnd(), fields);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < fields.count; i++) {
          values.add(fields.isNull[i] ? "NULL" : new String(fields.data[i], fields.offset[i],
              fields.length[i], StandardCharsets.UTF_8));
        }
        out.add(reader.lineNumber() + ":" + String.join("|", values));
      }
    }
    return out;
  }

  /** Parses whole and split at every position; all must agree. */
  private static List<String> parseAnySplit(CopyOptions options, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    List<String> whole = parse(options, bytes);
    for (int cut = 0; cut <= bytes.length; cut++) {
      List<String> split = parse(options, Arrays.copyOfRange(bytes, 0, cut),
          Arrays.copyOfRange(bytes, cut, bytes.length));
      int at = cut;
      assertEquals(whole, split, () -> "split at byte " + at + " of " + data);
    }
    return whole;
  }

  @Test
  void textEscapesAndNulls() {
    assertEquals(List.of("1:a|NULL|tab\there", "2:\\N is literal|x\ny\\", "3:AB|\u0001|N"),
        parseAnySplit(CopyOptions.TEXT, "a\t\\N\ttab\\there\n"
            + "\\\\N is literal\tx\\ny\\\\\n"
            + "\\101\\x42\t\\x01\tN\n"));
  }

  @Test
  void backslashNewlineIsDataAndTheLastLineNeedsNoNewline() {
    assertEquals(List.of("1:a\nb|c", "2:last"), parseAnySplit(CopyOptions.TEXT,
        "a\\\nb\tc\nlast"));
  }

  @Test
  void escapedDelimiterIsData() {
    assertEquals(List.of("1:a\tb|c"), parseAnySplit(CopyOptions.TEXT, "a\\\tb\tc\n"));
  }

  @Test
  void crlfAndCrNewlines() {
    assertEquals(List.of("1:a|b", "2:c|d"), parseAnySplit(CopyOptions.TEXT, "a\tb\r\nc\td\r\n"));
    assertEquals(List.of("1:a", "2:b"), parseAnySplit(CopyOptions.TEXT, "a\rb\r"));
  }

  @Test
  void mixedNewlinesAreErrors() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> parse(CopyOptions.TEXT, "a\nb\rc\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("literal carriage return found in data", e.getMessage());
    assertEquals("Use \"\\r\" to represent carriage return.", e.hint());
    e = assertThrows(SqlStateException.class,
        () -> parse(CopyOptions.TEXT, "a\r\nb\nc".getBytes(StandardCharsets.UTF_8)));
    assertEquals("literal newline found in data", e.getMessage());
    e = assertThrows(SqlStateException.class,
        () -> parse(CSV, "a\nb\rc\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("unquoted carriage return found in data", e.getMessage());
  }

  @Test
  void endMarkerEndsTheDataAndTheRestIsIgnored() {
    assertEquals(List.of("1:a"), parseAnySplit(CopyOptions.TEXT, "a\n\\.\nignored\n"));
    assertEquals(List.of("1:a"), parseAnySplit(CopyOptions.TEXT, "a\r\n\\.\r\n"));
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> parse(CopyOptions.TEXT, "a\n\\.x\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("end-of-copy marker corrupt", e.getMessage());
    e = assertThrows(SqlStateException.class,
        () -> parse(CopyOptions.TEXT, "a\r\n\\.\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("end-of-copy marker does not match previous newline style", e.getMessage());
  }

  @Test
  void csvQuotesNewlinesAndNulls() {
    assertEquals(List.of("1:a|NULL|", "3:x,y|line\nbreak|he said \"hi\"", "4:\\.x|a\"b"),
        parseAnySplit(CSV, "a,,\"\"\n\"x,y\",\"line\nbreak\",\"he said \"\"hi\"\"\"\n"
            + "\\.x,\"a\"\"b\"\n"));
  }

  @Test
  void csvEndMarkerOnlyAloneOnALine() {
    assertEquals(List.of("1:a", "2:\\."), parseAnySplit(CSV, "a\n\"\\.\"\n\\.\nb\n"));
  }

  @Test
  void csvWithADistinctEscape() {
    CopyOptions o = CopyCommand.parse("copy t from stdin (format csv, escape '\\')").options();
    assertEquals(List.of("1:a\"b|c\\d|e\\"),
        parseAnySplit(o, "\"a\\\"b\",\"c\\\\d\",\"e\\\\\"\n"));
  }

  @Test
  void csvUnterminatedQuote() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> parse(CSV, "1,\"open\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("22P04", e.state().code());
    assertEquals("unterminated CSV quoted field", e.getMessage());
  }
}
