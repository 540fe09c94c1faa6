package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our own sqllogictest files (src/test/resources/ygg: branches, commit pins, time travel,
 * {@code ygg.*}, and PostgreSQL semantics) against a fresh in-process Yggdrasil per file. Every
 * record passes except those on ygg-known-failures.txt, compared exactly.
 */
class YggSuiteTest {
  static final String BASELINE = "/org/yggdrasil/slt/ygg-known-failures.txt";

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void ownFilesPassOnYggdrasil() throws IOException {
    List<Corpus.Source> files = OwnFiles.all();
    assertTrue(files.size() >= 7, "own files: " + files);
    StringBuilder report = new StringBuilder();
    List<FileResult> results;
    try (Target target = new Target.InProcess(30)) {
      results = OwnFiles.run(target, files, report);
    }
    for (FileResult r : results) {
      assertEquals(null, r.fatal(), r.file() + " aborted");
      // Yggdrasil runs every record of our own files (onlyif yggdrasil included).
      assertEquals(0, r.skipped(), r.file() + " skipped records");
    }
    KnownFailures.assertRunMatches(BASELINE, results, report);
  }
}
