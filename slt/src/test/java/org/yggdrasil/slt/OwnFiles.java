package org.yggdrasil.slt;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** Our own .test files (src/test/resources/ygg), named {@code ygg/<file>} in reports. */
final class OwnFiles {
  private OwnFiles() {}

  static List<Corpus.Source> all() {
    URL dir = OwnFiles.class.getResource("/ygg");
    if (dir == null) {
      throw new IllegalStateException("no ygg/ directory on the test class path");
    }
    try {
      return Corpus.testFilesIn(Path.of(dir.toURI())).stream()
          .map(p -> new Corpus.Source("ygg/" + p.getFileName(), p))
          .toList();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the files against a target and returns the results, printing the per-file lines. */
  static List<FileResult> run(Target target, List<Corpus.Source> files, StringBuilder report) {
    SltRunner runner = new SltRunner(target, SkipList.empty(), 30);
    int jobs = Math.min(2, Runtime.getRuntime().availableProcessors());
    List<FileResult> results =
        runner.runAll(files, jobs, r -> report.append(Report.fileLine(r)).append('\n'));
    report.append(Report.summary(results)).append('\n');
    System.out.print(report);
    return results;
  }
}
