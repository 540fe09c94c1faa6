package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    KnownFailures.assertRunMatches(BASELINE, results, report);
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
}
