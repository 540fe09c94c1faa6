package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A known-failures baseline (lines {@code FILE:LINE <TAB> CATEGORY <TAB> cause}) compared
 * exactly with a run: a failure not on the list fails, and so does a listed record that now
 * passes or fails in another category (take it off the list).
 */
final class KnownFailures {
  private KnownFailures() {}

  static void assertRunMatches(String resource, List<FileResult> results, CharSequence report)
      throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (FileResult r : results) {
      for (Failure f : r.failures()) {
        actual.put(key(f), Report.baselineLine(f));
      }
    }
    Map<String, String> expected = read(resource);
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
            "NOW PASSES or fails differently (remove this line from " + resource + "): "
                + e.getValue());
      }
    }
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " difference(s) from "
              + resource
              + ":\n  "
              + String.join("\n  ", problems)
              + "\n"
              + report);
    }
  }

  private static String key(Failure f) {
    return f.where() + "\t" + f.category().name();
  }

  private static Failure find(List<FileResult> results, String key) {
    for (FileResult r : results) {
      for (Failure f : r.failures()) {
        if (key(f).equals(key)) {
          return f;
        }
      }
    }
    throw new IllegalStateException(key);
  }

  /** file:line TAB CATEGORY → the whole line. */
  static Map<String, String> read(String resource) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = KnownFailures.class.getResourceAsStream(resource)) {
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
          throw new IllegalStateException("bad baseline line in " + resource + ": " + raw);
        }
        out.put(parts[0] + "\t" + parts[1], line);
      }
    }
    return out;
  }
}
