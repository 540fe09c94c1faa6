package org.yggdrasil.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each data set once as the CSV file perf-anchors describes (header, ',' delimiter),
 * for DuckDB's read_csv, and checks its SHA-256 against the specification's at 10M rows.
 */
final class CsvFiles {
  private CsvFiles() {}

  /** The file of each table's data set (tables sharing data share the file). */
  static Map<TableData, Path> write(Path dir, int rows, List<BenchTable> tables, PrintStream log)
      throws IOException {
    Map<TableData, Path> files = new IdentityHashMap<>();
    for (BenchTable t : tables) {
      if (files.containsKey(t.data())) {
        continue;
      }
      Path file = dir.resolve(t.name() + ".csv");
      long start = System.nanoTime();
      String sha;
      long bytes;
      try (AsciiLineStream out = new AsciiLineStream(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
        out.text(t.data().csvHeader());
        t.data().generate(rows, ',', out);
        sha = out.finish();
        bytes = out.bytes();
      }
      files.put(t.data(), file);
      String verdict = rows == BenchTable.SPEC_ROWS
          ? (sha.equals(t.csvSha256()) ? "matches perf-anchors" : "DIFFERS from perf-anchors "
              + t.csvSha256())
          : "(perf-anchors' sum is for " + BenchTable.SPEC_ROWS + " rows)";
      log.printf("  generated %s: %,d rows, %,d bytes in %.1f s, sha256 %s %s%n",
          file.getFileName(), rows, bytes, (System.nanoTime() - start) / 1e9, sha, verdict);
    }
    return files;
  }
}
