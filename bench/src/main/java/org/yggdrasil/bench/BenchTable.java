package org.yggdrasil.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A table both engines load: its data set and column types on each side. lineitem and
 * lineitem_dec share their data; only the numeric columns' types differ.
 *
 * @param csvSha256 the SHA-256 perf-anchors records for the data set's CSV at 10M rows
 */
public record BenchTable(String name, TableData data, List<String> duckTypes,
    List<String> yggTypes, String csvSha256) {

  static final int SPEC_ROWS = 10_000_000;

  public static List<BenchTable> all() {
    TableData lineitem = new LineitemData();
    String lineitemSha = "b98851ddbb18bfa7b12a87f57e2bac54bb33d0740bec5547af9f45ef2c183394";
    return List.of(
        new BenchTable("lineitem", lineitem,
            List.of("DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "VARCHAR", "VARCHAR", "DATE"),
            List.of("double precision", "double precision", "double precision",
                "double precision", "text", "text", "date"),
            lineitemSha),
        new BenchTable("lineitem_dec", lineitem,
            List.of("DECIMAL(15,2)", "DECIMAL(15,2)", "DECIMAL(15,2)", "DECIMAL(15,2)",
                "VARCHAR", "VARCHAR", "DATE"),
            List.of("numeric(15,2)", "numeric(15,2)", "numeric(15,2)", "numeric(15,2)", "text",
                "text", "date"),
            lineitemSha),
        new BenchTable("x", new H2oData(),
            List.of("VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "INTEGER", "INTEGER", "INTEGER",
                "INTEGER", "DOUBLE"),
            List.of("text", "text", "text", "integer", "integer", "integer", "integer",
                "integer", "double precision"),
            "a6626b2d874248f80636b75fd991ea102f87bbbfaa72b179006eb5e630005939"),
        new BenchTable("hits", new HitsData(),
            List.of("BIGINT", "VARCHAR"),
            List.of("bigint", "text"),
            "b7e17925e0796da9b8270d0aae933b5e246eea2b7b4395e61059f113d25acfd7"));
  }

  /** The tables {@code queries} read (the name as a word of their SQL), in {@link #all()} order. */
  public static List<BenchTable> usedBy(List<BenchQuery> queries) {
    List<BenchTable> used = new ArrayList<>();
    for (BenchTable t : all()) {
      java.util.regex.Pattern word = java.util.regex.Pattern.compile("\\b" + t.name() + "\\b");
      if (queries.stream().anyMatch(q -> word.matcher(q.duckSql()).find()
          || word.matcher(q.yggSql()).find())) {
        used.add(t);
      }
    }
    return used;
  }

  /** {@code CREATE TABLE name (col type, ...)} with the given types. */
  public String createTable(List<String> types) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      columns.add(data.columns().get(i) + " " + types.get(i));
    }
    return "CREATE TABLE " + name + " (" + String.join(", ", columns) + ")";
  }

  /** DuckDB's {@code columns={'a': 'T', ...}} argument of read_csv. */
  public String duckColumnsStruct() {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < duckTypes.size(); i++) {
      columns.add("'" + data.columns().get(i) + "': '" + duckTypes.get(i) + "'");
    }
    return "{" + String.join(", ", columns) + "}";
  }
}
