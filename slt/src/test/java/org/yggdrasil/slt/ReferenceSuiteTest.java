package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reference mode: our own files against a throwaway PostgreSQL 15 that {@link
 * LocalPostgres} starts (initdb + pg_ctl on a free port) and stops. Every record that is not
 * {@code onlyif yggdrasil} must pass there, so the files expect what PostgreSQL does. Skipped
 * (not failed) on a machine without PostgreSQL's server binaries; .ci/run installs them.
 */
class ReferenceSuiteTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void ownFilesExpectWhatPostgresqlDoes() throws Exception {
    boolean installed;
    try {
      LocalPostgres.findBin();
      installed = true;
    } catch (IllegalStateException e) {
      installed = false;
    }
    assumeTrue(installed, "no PostgreSQL server binaries (apt-get install postgresql-15)");
    List<Corpus.Source> files = OwnFiles.all();
    StringBuilder report = new StringBuilder();
    List<FileResult> results;
    try (Target target = new LocalPostgres(30)) {
      results = OwnFiles.run(target, files, report);
    }
    long ran = 0;
    for (FileResult r : results) {
      assertEquals(null, r.fatal(), r.file() + " aborted\n" + report);
      assertEquals(List.of(), r.failures().stream().map(Report::baselineLine).toList(),
          r.file() + " disagrees with PostgreSQL\n" + report);
      ran += r.passed();
    }
    // The PostgreSQL-semantics files run in full; the ygg-* files only their plain SQL.
    assertTrue(ran >= 100, "only " + ran + " records ran on PostgreSQL\n" + report);
    for (FileResult r : results) {
      if (r.file().startsWith("ygg/pg-")) {
        assertEquals(0, r.skipped(), r.file() + " skipped records on PostgreSQL");
      }
    }
  }
}
