package org.yggdrasil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generators against perf-anchors §2: at its 10M rows the CSV each writes has exactly the
 * recorded SHA-256 (so every value, its formatting and the draw order agree), and the hits
 * statistics the document states hold. Each full-size check takes a few seconds.
 */
class TableDataTest {

  private static String sha256(TableData data, int rows) {
    AsciiLineStream out = new AsciiLineStream(OutputStream.nullOutputStream());
    out.text(data.csvHeader());
    data.generate(rows, ',', out);
    return out.finish();
  }

  private static BenchTable table(String name) {
    return BenchTable.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void lineitemMatchesTheSpecificationsChecksum() {
    BenchTable t = table("lineitem");
    assertEquals(t.csvSha256(), sha256(t.data(), BenchTable.SPEC_ROWS));
  }

  @Test
  void h2oGroupbyMatchesTheSpecificationsChecksum() {
    BenchTable t = table("x");
    assertEquals(t.csvSha256(), sha256(t.data(), BenchTable.SPEC_ROWS));
  }

  @Test
  void hitsMatchesTheSpecificationsChecksumAndStatistics() {
    BenchTable t = table("hits");
    long[] stats = new long[5]; // url bytes, min length, max length, %google%, %search%
    stats[1] = Long.MAX_VALUE;
    AsciiLineStream out = new AsciiLineStream(OutputStream.nullOutputStream());
    out.text(t.data().csvHeader());
    t.data().generate(BenchTable.SPEC_ROWS, ',', line -> {
      String url = line.substring(line.indexOf(",") + 1, line.length() - 1);
      stats[0] += url.length();
      stats[1] = Math.min(stats[1], url.length());
      stats[2] = Math.max(stats[2], url.length());
      stats[3] += url.contains("google") ? 1 : 0;
      stats[4] += url.contains("search") ? 1 : 0;
      out.line(line);
    });
    assertEquals(t.csvSha256(), out.finish());
    assertEquals(563_497_120L, stats[0]);
    assertEquals(22, stats[1]);
    assertEquals(111, stats[2]);
    assertEquals(60_060, stats[3]);
    assertEquals(500_657, stats[4]);
  }

  @Test
  void theDelimiterChangesNothingElse() {
    for (BenchTable t : BenchTable.all()) {
      List<String> comma = lines(t.data(), ',');
      List<String> tab = lines(t.data(), '\t');
      assertEquals(1000, comma.size());
      for (int i = 0; i < comma.size(); i++) {
        assertEquals(comma.get(i), tab.get(i).replace('\t', ','), t.name() + " line " + i);
        assertEquals(t.data().columns().size(), tab.get(i).split("\t", -1).length);
      }
    }
  }

  @Test
  void theFirstRowsAreThoseOfTheSeed() {
    // Generating twice gives the same rows: the data depends on the seed alone.
    for (BenchTable t : BenchTable.all()) {
      assertEquals(lines(t.data(), ','), lines(t.data(), ','));
    }
    String first = lines(new LineitemData(), ',').getFirst();
    assertTrue(first.matches("\\d{1,2},\\d+\\.\\d{2},0\\.\\d{2},0\\.0\\d,[ARN],[OF],"
        + "\\d{4}-\\d{2}-\\d{2}"), first);
    String h2o = lines(new H2oData(), ',').getFirst();
    assertTrue(h2o.matches("id\\d{3},id\\d{3},id\\d{10},\\d+,\\d+,\\d+,[1-5],\\d+,\\d+\\.\\d{6}"),
        h2o);
  }

  @Test
  void fixedPointFormatting() {
    StringBuilder sb = new StringBuilder();
    TableData.fixed(sb, 5, 2);
    sb.append(' ');
    TableData.fixed(sb, 123456, 2);
    sb.append(' ');
    TableData.fixed(sb, 7, 6);
    assertEquals("0.05 1234.56 0.000007", sb.toString());
  }

  private static List<String> lines(TableData data, char delimiter) {
    List<String> out = new ArrayList<>();
    data.generate(1000, delimiter, line -> out.add(line.substring(0, line.length() - 1)));
    return out;
  }
}
