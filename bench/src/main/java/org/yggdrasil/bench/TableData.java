package org.yggdrasil.bench;

import java.util.List;

/**
 * One of perf-anchors §2's seeded data sets: its columns and a generator of its rows as
 * delimited text, exactly as that specification draws and formats them (with ',' as the
 * delimiter the lines are byte for byte its CSV files, whose sha256 it records).
 */
public interface TableData {

  /** Column names, as the CSV header lists them. */
  List<String> columns();

  /** Writes {@code rows} rows, each one line with fields separated by {@code delimiter}. */
  void generate(int rows, char delimiter, LineSink sink);

  /** The CSV header line (with newline), as perf-anchors' files start. */
  default String csvHeader() {
    return String.join(",", columns()) + "\n";
  }

  /** Appends {@code value / 10^scale} with exactly {@code scale} decimals ({@code value >= 0}). */
  static void fixed(StringBuilder sb, long value, int scale) {
    long p = 1;
    for (int i = 0; i < scale; i++) {
      p *= 10;
    }
    sb.append(value / p).append('.');
    String fraction = Long.toString(value % p);
    for (int i = fraction.length(); i < scale; i++) {
      sb.append('0');
    }
    sb.append(fraction);
  }
}
