package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI subset of the sqllogictest corpus (select1-4.test and evidence/*.test) against a fresh
 * in-process Yggdrasil per file. Every record passes, except those on the reviewed skip list
 * (SQLite-only behaviour) and those on the known-failures baseline, which must match exactly: a
 * new failure fails this test, and so does a listed record that now passes (take it off the list).
 */
class CiSubsetTest {
  static final String BASELINE = "/org/yggdrasil/slt/known-failures.txt";
  static final int TIMEOUT_SECONDS = 30;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void ciSubsetMatchesTheBaseline() throws IOException {
    List<Corpus.Source> sources = Corpus.resolve(Corpus.CI_SUBSET);
    assertTrue(sources.size() >= 16, "CI subset resolved to " + sources.size() + " files");
    SkipList skips = SkipList.bundled();
    StringBuilder report = new StringBuilder();
    long start = System.nanoTime();
    List<FileResult> results;
    try (Target target = new Target.InProcess(TIMEOUT_SECONDS)) {
      SltRunner runner = new SltRunner(target, skips, TIMEOUT_SECONDS);
      int jobs = Math.min(2, Runtime.getRuntime().availableProcessors());
      results = runner.runAll(sources, jobs, r -> report.append(Report.fileLine(r)).append('\n'));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.append(String.format("%.1f s%n", seconds)).append(Report.summary(results)).append('\n');
    System.out.print(report);
    Path out = Path.of("target", "slt-ci-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);

    for (FileResult r : results) {
      assertEquals(null, r.fatal(), r.file() + " aborted");
    }
    Map<String, String> actual = new TreeMap<>();
    for (FileResult r : results) {
      for (Failure f : r.failures()) {
        actual.put(f.where() + "\t" + f.category().name(), Report.baselineLine(f));
      }
    }
    Map<String, String> expected = baseline();
    List<String> problems = new ArrayList<>();
    for (var e : actual.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        Failure f = find(results, e.getKey());
        problems.add(
            "NEW FAILURE (fix it at the root; do not add it to the baseline): "
                + e.getValue()
                + "\n      sql: "
                + Report.oneLine(f.sql(), 300)
                + "\n      got: "
                + Report.oneLine(f.detail(), 300));
      }
    }
    for (var e : expected.entrySet()) {
      if (!actual.containsKey(e.getKey())) {
        problems.add(
            "NOW PASSES or fails differently (remove this line from known-failures.txt): "
                + e.getValue());
      }
    }
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " difference(s) from "
              + BASELINE
              + ":\n  "
              + String.join("\n  ", problems)
              + "\n"
              + report);
    }
  }

  /** Every FILE:LINE entry on the skip list names a record header in the corpus. */
  @Test
  void skipListEntriesNameRealRecords() throws IOException {
    String text;
    try (InputStream in = SkipList.class.getResourceAsStream(SkipList.RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SkipList.parse(text); // every entry has a reason
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("/")) {
        continue;
      }
      String where = line.substring(0, line.indexOf(" -- ")).strip();
      String file = where.substring(0, where.lastIndexOf(':'));
      int lineNo = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
      Corpus.Source src = Corpus.resolve(List.of(file)).get(0);
      boolean found =
          SltParser.parse(file, src.text()).stream().anyMatch(r -> r.line() == lineNo);
      assertTrue(found, "skip list entry " + where + " is not the first line of a record");
    }
  }

  private static Failure find(List<FileResult> results, String key) {
    for (FileResult r : results) {
      for (Failure f : r.failures()) {
        if ((f.where() + "\t" + f.category().name()).equals(key)) {
          return f;
        }
      }
    }
    throw new IllegalStateException(key);
  }

  /** file:line TAB CATEGORY → the whole line. */
  static Map<String, String> baseline() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = CiSubsetTest.class.getResourceAsStream(BASELINE)) {
      if (in == null) {
        return out;
      }
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 3);
        if (parts.length < 2) {
          throw new IllegalStateException("bad baseline line: " + raw);
        }
        out.put(parts[0] + "\t" + parts[1], line);
      }
    }
    return out;
  }
}
