package org.yggdrasil.storage.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.catalog.tables.SystemFactory;
import org.yggdrasil.catalog.tables.TableSpec;

/** A directory's CSV and JSON-lines files as typed tables, and the factory's option checks. */
class FilesTablesTest {
  @TempDir Path dir;
  @TempDir Path state;

  private FilesSystem open() {
    return new FilesSystemFactory().open("fs", Map.of("path", dir.toString()), state);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  static List<Object[]> rows(FilesSystem fs, String table) {
    List<Object[]> out = new ArrayList<>();
    fs.rows(table).forEach(out::add);
    return out;
  }

  static TableSpec spec(FilesSystem fs, String table) {
    return fs.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
  }

  static List<String> types(TableSpec t) {
    return t.columns().stream().map(ColumnSpec::pgType).toList();
  }

  @Test
  void csvColumnsAreTypedFromTheirValues() throws IOException {
    write("People.csv", """
        id,Name,score,active,born,seen at,note
        1,Ann,1.5,true,1990-01-02,2024-05-01 10:00:00,
        2,Bob,2,false,1985-12-31,2024-05-01T12:30:00+02:00,x
        ,"Smith, ""Jr""\",,,,,"two
        lines"
        """);
    FilesSystem fs = open();
    TableSpec t = spec(fs, "people");
    assertEquals(List.of("id", "name", "score", "active", "born", "seen_at", "note"),
        t.columns().stream().map(ColumnSpec::name).toList());
    assertEquals(List.of("bigint", "text", "double precision", "boolean", "date",
        "timestamp with time zone", "text"), types(t));
    assertEquals(List.of(), t.key());
    assertTrue(t.writable());
    List<Object[]> rows = rows(fs, "people");
    assertEquals(3, rows.size());
    assertArrayEquals(new Object[] {1L, "Ann", 1.5, true, LocalDate.of(1990, 1, 2),
        OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC), null}, rows.get(0));
    assertEquals(2.0, rows.get(1)[2], "bigint and double values in one column are doubles");
    assertEquals(OffsetDateTime.of(2024, 5, 1, 10, 30, 0, 0, ZoneOffset.UTC), rows.get(1)[5]);
    assertArrayEquals(new Object[] {null, "Smith, \"Jr\"", null, null, null, null, "two\nlines"},
        rows.get(2), "empty fields are NULL; quotes and line breaks survive quoting");
  }

  @Test
  void mixedValuesFallBackToText() throws IOException {
    write("m.csv", "a,b,c\n1,2024-01-01,true\nx,2024-01-01 08:00:00,3\n");
    FilesSystem fs = open();
    assertEquals(List.of("text", "timestamp with time zone", "text"), types(spec(fs, "m")));
    assertEquals("1", rows(fs, "m").get(0)[0]);
    assertEquals(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), rows(fs, "m").get(0)[1]);
  }

  @Test
  void csvWithCrLfAndAQuotedEmptyStringAndNoTrailingNewline() throws IOException {
    write("w.csv", "k,v\r\n1,\"\"\r\n2,b");
    FilesSystem fs = open();
    assertEquals(List.of("bigint", "text"), types(spec(fs, "w")));
    assertArrayEquals(new Object[] {1L, ""}, rows(fs, "w").get(0));
    assertArrayEquals(new Object[] {2L, "b"}, rows(fs, "w").get(1));
  }

  @Test
  void jsonLinesKeysUnionIntoColumns() throws IOException {
    write("events.jsonl", """
        {"id": 1, "kind": "click", "at": "2024-03-01T09:00:00Z", "meta": {"x": 1}}
        {"id": 2, "kind": "view", "ok": true, "amount": 2.5}

        {"id": 3, "amount": 7, "tags": ["a", "b"], "kind": null}
        """);
    write("log.ndjson", "{\"n\":\"42\"}\n");
    FilesSystem fs = open();
    TableSpec t = spec(fs, "events");
    assertEquals(List.of("id", "kind", "at", "meta", "ok", "amount", "tags"),
        t.columns().stream().map(ColumnSpec::name).toList());
    assertEquals(List.of("bigint", "text", "timestamp with time zone", "text", "boolean",
        "double precision", "text"), types(t));
    List<Object[]> rows = rows(fs, "events");
    assertArrayEquals(new Object[] {1L, "click",
        OffsetDateTime.of(2024, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC), "{\"x\":1}", null, null, null},
        rows.get(0));
    assertArrayEquals(new Object[] {3L, null, null, null, null, 7.0, "[\"a\",\"b\"]"}, rows.get(2));
    assertEquals(List.of("text"), types(spec(fs, "log")), "a quoted number in JSON is a string");
  }

  @Test
  void tableNamesComeFromFileNamesAndOtherFilesAreIgnored() throws IOException {
    write("Sales 2024-Q1.CSV", "a\n1\n");
    write("notes.txt", "not data");
    write(".hidden.csv", "a\n1\n");
    Files.createDirectory(dir.resolve("sub.csv"));
    write("dup.csv", "a\n1\n");
    write("dup.jsonl", "{\"a\":1}\n");
    FilesSystem fs = open();
    assertEquals(List.of("dup_csv", "dup_jsonl", "sales_2024_q1"),
        fs.tables().stream().map(TableSpec::name).sorted().toList());
  }

  @Test
  void unknownTableIs42P01() throws IOException {
    write("a.csv", "x\n1\n");
    SqlStateException e = assertThrows(SqlStateException.class, () -> open().rows("nope"));
    assertEquals(SqlState.UNDEFINED_TABLE, e.state());
  }

  @Test
  void malformedFilesNameFileAndLine() throws IOException {
    write("bad.csv", "a,b\n1,2\n3,4,5\n");
    SqlStateException e = assertThrows(SqlStateException.class, () -> open().tables());
    assertEquals(SqlState.BAD_COPY_FILE_FORMAT, e.state());
    assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void factoryChecksItsOptions() throws IOException {
    FilesSystemFactory f = new FilesSystemFactory();
    assertEquals("files", f.wrapper());
    SqlStateException missing = assertThrows(SqlStateException.class, () -> f.open("fs", Map.of(), state));
    assertEquals(SqlState.INVALID_PARAMETER_VALUE, missing.state());
    assertTrue(missing.getMessage().contains("\"path\""), missing.getMessage());
    SqlStateException absent = assertThrows(SqlStateException.class,
        () -> f.open("fs", Map.of("path", dir.resolve("nowhere").toString()), state));
    assertEquals(SqlState.INVALID_PARAMETER_VALUE, absent.state());
    assertTrue(absent.getMessage().contains("nowhere") && absent.getMessage().contains("does not exist"));
    write("file.csv", "a\n");
    SqlStateException notDir = assertThrows(SqlStateException.class,
        () -> f.open("fs", Map.of("path", dir.resolve("file.csv").toString()), state));
    assertTrue(notDir.getMessage().contains("is not a directory"), notDir.getMessage());
    SqlStateException unknown = assertThrows(SqlStateException.class,
        () -> f.open("fs", Map.of("path", dir.toString(), "format", "csv"), state));
    assertEquals(SqlState.SYNTAX_ERROR, unknown.state());
    assertTrue(unknown.getMessage().contains("\"format\""));
  }

  @Test
  void serviceLoaderFindsTheFactory() {
    assertTrue(ServiceLoader.load(SystemFactory.class).stream()
        .anyMatch(p -> p.get().wrapper().equals("files")));
  }
}
