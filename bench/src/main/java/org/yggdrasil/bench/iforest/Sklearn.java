package org.yggdrasil.bench.iforest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs scikit-learn's IsolationForest in Debian's own python3 ({@code /usr/bin/python3}; the
 * pyenv python3 first on PATH does not see python3-sklearn) on one thread, on the CSV the Java
 * side scores, and reads back its figures.
 */
final class Sklearn {
  static final String PYTHON = "/usr/bin/python3";

  private static final String SCRIPT = """
      import sys, time, statistics
      import numpy as np
      from sklearn.ensemble import IsolationForest
      from sklearn.metrics import roc_auc_score
      import sklearn
      path, trees, psi, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
      data = np.loadtxt(path, delimiter=',', skiprows=1)
      X, y = np.ascontiguousarray(data[:, :-1]), data[:, -1]
      def fit():
          return IsolationForest(n_estimators=trees, max_samples=psi, n_jobs=1, random_state=seed).fit(X)
      fit()
      fits = []
      for _ in range(3):
          t = time.perf_counter(); model = fit(); fits.append(time.perf_counter() - t)
      small = X[:1000]
      model.score_samples(small)
      s1k = []
      for _ in range(11):
          t = time.perf_counter(); model.score_samples(small); s1k.append(time.perf_counter() - t)
      t = time.perf_counter(); scores = -model.score_samples(X); sall = time.perf_counter() - t
      print("version", sklearn.__version__)
      print("auc", roc_auc_score(y, scores))
      print("fit_ms", statistics.median(fits) * 1000)
      print("score1k_ms", statistics.median(s1k) * 1000)
      print("scoreall_ms", sall * 1000)
      """;

  private Sklearn() {}

  /** The figures, or null with the reason printed when scikit-learn cannot run. */
  static Map<String, String> run(Path csv, int trees, int sampleSize, long seed, Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      System.out.println("sklearn unavailable: " + PYTHON + " not found");
      return null;
    }
    Path script = dir.resolve("iforest_sklearn.py");
    Files.writeString(script, SCRIPT);
    ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), csv.toString(),
        Integer.toString(trees), Integer.toString(sampleSize), Long.toString(seed & 0x7fffffffL));
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      String why = out.contains("No module named 'sklearn'")
          ? "python3-sklearn is not installed (apt-get install -y python3-sklearn)" : out.strip();
      System.out.println("sklearn unavailable: " + why);
      return null;
    }
    Map<String, String> figures = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] kv = line.trim().split(" ", 2);
      if (kv.length == 2) {
        figures.put(kv[0], kv[1]);
      }
    }
    return figures;
  }
}
