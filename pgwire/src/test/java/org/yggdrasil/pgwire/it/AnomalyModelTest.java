package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;
import static org.yggdrasil.pgwire.it.Db.rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation-forest models from SQL through pgjdbc: CREATE MODEL, the four ANOMALY_ functions in
 * short and long form, SHOW/DESCRIBE/DROP MODEL, models on branches and under time travel, in
 * ygg.diff and in merges, and the errors with their SQLSTATEs.
 */
class AnomalyModelTest {
  @RegisterExtension static final TestServer server = new TestServer();

  /** Rows 1..2000 are normal, 2001..2010 the planted outliers. */
  private static final int NORMAL = 2000;
  private static final int OUTLIERS = 10;

  /**
   * {@code table(id, amount, freq, kind)}: normal rows in two dense clusters, around (50, 5)
   * and (150, 15), and ten outliers in the empty space between them (kind 'outlier'), five of
   * them only in the two features together.
   */
  private static void createData(Connection c, String table) throws SQLException {
    exec(c, "CREATE TABLE " + table + " (id int PRIMARY KEY, amount double precision,"
        + " freq double precision, kind text)");
    Random random = new Random(1);
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= NORMAL + OUTLIERS; i++) {
      double amount;
      double freq;
      String kind;
      if (i <= NORMAL) {
        boolean upper = random.nextBoolean();
        amount = (upper ? 150 : 50) + 10 * (random.nextDouble() - 0.5);
        freq = (upper ? 15 : 5) + (random.nextDouble() - 0.5);
        kind = "normal";
      } else {
        // Odd ones in the empty middle of both features; even ones with an amount of the
        // lower cluster but a frequency between the clusters (found only by a model that
        // sees both features).
        int k = i - NORMAL;
        amount = k % 2 == 1 ? 90 + 2 * k : 46 + k;
        freq = k % 2 == 1 ? 10 : 9 + 0.2 * k;
        kind = "outlier";
      }
      values.add(String.format(Locale.ROOT, "(%d, %.6f, %.6f, '%s')", i, amount, freq, kind));
      if (values.size() == 500 || i == NORMAL + OUTLIERS) {
        exec(c, "INSERT INTO " + table + " VALUES " + String.join(", ", values));
        values.clear();
      }
    }
  }

  private static List<String> outlierIds() {
    List<String> ids = new ArrayList<>();
    for (int i = NORMAL + 1; i <= NORMAL + OUTLIERS; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  /**
   * A score between the 10th and 11th highest of {@code model} over {@code table}: above it are
   * exactly the ten rows that score highest (asserted to be the outliers where it matters).
   */
  private static String cutoff(Connection c, String model, String table) throws SQLException {
    List<String> top = lines(c, "SELECT ANOMALY_SCORE('" + model + "') AS s FROM " + table
        + " ORDER BY s DESC LIMIT 11");
    double tenth = Double.parseDouble(top.get(9));
    double eleventh = Double.parseDouble(top.get(10));
    assertTrue(tenth > eleventh, () -> "no gap below the top ten: " + top);
    return Double.toString((tenth + eleventh) / 2);
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  /** The planted outliers get the top scores; predict, proba and confidence agree with them. */
  @Test
  void createScorePredictProbaConfidence() throws SQLException {
    try (Connection c = server.connect()) {
      createData(c, "am_tx");
      exec(c, "CREATE MODEL am_fraud TYPE ISOLATION_FOREST"
          + " OPTIONS (n_trees = 200, sample_size = 256, contamination = 0.05, seed = 7)"
          + " AS SELECT amount, freq FROM am_tx");
      assertEquals(outlierIds(), sorted(lines(c,
          "SELECT id FROM am_tx ORDER BY ANOMALY_SCORE('am_fraud') DESC LIMIT 10")));
      List<List<String>> range = rows(c, "SELECT min(ANOMALY_SCORE('am_fraud')),"
          + " max(ANOMALY_SCORE('am_fraud')), min(ANOMALY_PROBA('am_fraud')),"
          + " max(ANOMALY_PROBA('am_fraud')), min(ANOMALY_CONFIDENCE('am_fraud')),"
          + " max(ANOMALY_CONFIDENCE('am_fraud')) FROM am_tx");
      for (String v : range.get(0)) {
        double d = Double.parseDouble(v);
        assertTrue(d >= 0 && d <= 1, () -> "measure out of [0, 1]: " + range);
      }
      // Every outlier is predicted, and about the contamination share of all rows is.
      assertEquals("10", one(c,
          "SELECT count(*) FROM am_tx WHERE kind = 'outlier' AND ANOMALY_PREDICT('am_fraud') = 1"));
      long predicted = Long.parseLong(one(c,
          "SELECT sum(ANOMALY_PREDICT('am_fraud')) FROM am_tx"));
      assertTrue(predicted >= 50 && predicted <= 160, () -> "predicted anomalies: " + predicted);
      // PREDICT is 1 exactly where the score reaches the stored threshold.
      String threshold = one(c, "SELECT threshold FROM ygg.models WHERE name = 'am_fraud'");
      assertEquals("0", one(c, "SELECT count(*) FROM am_tx WHERE ANOMALY_PREDICT('am_fraud') <>"
          + " CASE WHEN ANOMALY_SCORE('am_fraud') >= " + threshold + " THEN 1 ELSE 0 END"));
      // PROBA ranks like SCORE; outliers' trees agree, so their confidence is high.
      assertEquals(outlierIds(), sorted(lines(c,
          "SELECT id FROM am_tx ORDER BY ANOMALY_PROBA('am_fraud') DESC, id LIMIT 10")));
      double confidence = Double.parseDouble(one(c,
          "SELECT avg(ANOMALY_CONFIDENCE('am_fraud')) FROM am_tx WHERE kind = 'outlier'"));
      assertTrue(confidence > 0.8, () -> "outlier confidence " + confidence);
    }
  }

  /** The result types: double precision, and integer for ANOMALY_PREDICT. */
  @Test
  void resultTypes() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE am_types (a int, b numeric(8,2), c real)",
          "INSERT INTO am_types VALUES (1, 1.5, 2), (2, 2.5, 3), (3, 3.5, 1), (4, 9.5, 8)",
          "CREATE MODEL am_types_m TYPE isolation_forest AS SELECT a, b, c FROM am_types");
      try (PreparedStatement ps = c.prepareStatement("SELECT ANOMALY_SCORE('am_types_m'),"
          + " ANOMALY_PREDICT('am_types_m'), ANOMALY_PROBA('am_types_m'),"
          + " ANOMALY_CONFIDENCE('am_types_m') FROM am_types");
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(Types.DOUBLE, md.getColumnType(1));
        assertEquals(Types.INTEGER, md.getColumnType(2));
        assertEquals(Types.DOUBLE, md.getColumnType(3));
        assertEquals(Types.DOUBLE, md.getColumnType(4));
        assertEquals("anomaly_score", md.getColumnLabel(1));
        int n = 0;
        while (rs.next()) {
          int p = rs.getInt(2);
          assertTrue(p == 0 || p == 1);
          n++;
        }
        assertEquals(4, n);
      }
    }
  }

  /** The short form is the long form over the training columns; the long form takes expressions. */
  @Test
  void shortAndLongFormsAgree() throws SQLException {
    try (Connection c = server.connect()) {
      createData(c, "am_forms");
      exec(c, "CREATE MODEL am_forms_m TYPE ISOLATION_FOREST OPTIONS (seed = 3)"
          + " AS SELECT amount, freq FROM am_forms");
      for (String m : List.of("SCORE", "PREDICT", "PROBA", "CONFIDENCE")) {
        assertEquals("0", one(c, "SELECT count(*) FROM am_forms WHERE ANOMALY_" + m
            + "('am_forms_m') <> ANOMALY_" + m + "('am_forms_m', amount, freq)"), m);
      }
      assertEquals("0", one(c, "SELECT count(*) FROM am_forms WHERE ANOMALY_SCORE('am_forms_m')"
          + " <> anomaly_score('AM_FORMS_M', amount * 1, freq + 0)"));
      // Positional: swapping the arguments scores different points.
      assertNotEquals("0", one(c, "SELECT count(*) FROM am_forms WHERE"
          + " ANOMALY_SCORE('am_forms_m') <> ANOMALY_SCORE('am_forms_m', freq, amount)"));
      // Constants, and parameters of a prepared statement.
      double far = Double.parseDouble(one(c, "SELECT ANOMALY_SCORE('am_forms_m', 100, 10)"));
      double near = Double.parseDouble(one(c, "SELECT ANOMALY_SCORE('am_forms_m', ?, ?)",
          50.0, 5.0));
      assertTrue(far > near, () -> far + " vs " + near);
      assertEquals("1", one(c, "SELECT ANOMALY_PREDICT('am_forms_m', 100, 10)"));
      assertEquals("0", one(c, "SELECT ANOMALY_PREDICT('am_forms_m', 50, 5)"));
    }
  }

  /** Scoring in WHERE, ORDER BY, GROUP BY aggregates, over joins, in views and subqueries. */
  @Test
  void scoringWorksEverywhereInAQuery() throws SQLException {
    try (Connection c = server.connect()) {
      createData(c, "am_use");
      exec(c, "CREATE TABLE am_labels (id int PRIMARY KEY, label text)",
          "INSERT INTO am_labels SELECT id, kind FROM am_use",
          "CREATE MODEL am_use_m TYPE ISOLATION_FOREST OPTIONS (contamination = 0.01, seed = 11)"
              + " AS SELECT amount, freq FROM am_use");
      String cut = cutoff(c, "am_use_m", "am_use");
      assertEquals(outlierIds(), sorted(lines(c, "SELECT id FROM am_use"
          + " WHERE ANOMALY_SCORE('am_use_m') > " + cut + " ORDER BY id")));
      List<String> byKind = lines(c, "SELECT kind, avg(ANOMALY_SCORE('am_use_m')) > " + cut + ","
          + " count(*) FILTER (WHERE ANOMALY_PREDICT('am_use_m') = 1) > 0"
          + " FROM am_use GROUP BY kind ORDER BY kind");
      assertEquals(list("normal|f|t", "outlier|t|t"), byKind);
      // Over a join: amount and freq exist in am_use only.
      assertEquals(list("outlier|10"), lines(c, "SELECT l.label, count(*) FROM am_use u"
          + " JOIN am_labels l ON l.id = u.id WHERE ANOMALY_SCORE('am_use_m') > " + cut
          + " GROUP BY l.label"));
      assertEquals("10", one(c, "SELECT count(*) FROM (SELECT id, ANOMALY_SCORE('am_use_m') AS s"
          + " FROM am_use) x WHERE s > " + cut));
      exec(c, "CREATE VIEW am_use_v AS SELECT id, ANOMALY_SCORE('am_use_m') AS s FROM am_use");
      assertEquals(outlierIds(), sorted(lines(c, "SELECT id FROM am_use_v WHERE s > " + cut)));
      // A self-join makes the short form's names ambiguous: PostgreSQL's 42702.
      failsWith("42702", () -> lines(c, "SELECT a.id FROM am_use a JOIN am_use b ON a.id = b.id"
          + " WHERE ANOMALY_SCORE('am_use_m') > 0.9"));
      assertEquals("10", one(c, "SELECT count(*) FROM am_use a JOIN am_use b ON a.id = b.id"
          + " WHERE ANOMALY_SCORE('am_use_m', a.amount, b.freq) > " + cut));
    }
  }

  /** SHOW MODELS, DESCRIBE MODEL, ygg.models, DROP MODEL [IF EXISTS], CREATE OR REPLACE. */
  @Test
  void showDescribeReplaceDrop() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE am_sd (x double precision, y double precision)",
          "INSERT INTO am_sd SELECT g, g * 2 FROM generate_series(1, 300) g",
          "CREATE MODEL am_sd_m TYPE ISOLATION_FOREST OPTIONS (n_trees = 50, sample_size = 64,"
              + " contamination = 0.1, seed = 5) AS SELECT x, y AS twice FROM am_sd");
      List<String> shown = lines(c, "SHOW MODELS");
      assertTrue(shown.stream().anyMatch(l -> l.startsWith("am_sd_m|isolation_forest|x, twice|300|")),
          () -> shown.toString());
      List<String> described = lines(c, "DESCRIBE MODEL am_sd_m");
      assertTrue(described.contains("features|x, twice"), () -> described.toString());
      assertTrue(described.contains(
          "options|n_trees=50, sample_size=64, contamination=0.1, seed=5"), () -> described.toString());
      assertTrue(described.contains("training_rows|300"), () -> described.toString());
      assertTrue(described.stream().anyMatch(l -> l.startsWith("trained_at_commit|")
          && l.length() > "trained_at_commit|".length()), () -> described.toString());
      assertEquals(list("am_sd_m|isolation_forest|x, twice|300"), lines(c,
          "SELECT name, type, features, training_rows FROM ygg.models WHERE name = 'am_sd_m'"));

      failsWith("42710", () -> exec(c, "CREATE MODEL am_sd_m TYPE ISOLATION_FOREST"
          + " AS SELECT x, y FROM am_sd"));
      exec(c, "CREATE MODEL IF NOT EXISTS am_sd_m TYPE ISOLATION_FOREST AS SELECT x FROM am_sd");
      assertTrue(lines(c, "DESCRIBE MODEL am_sd_m").contains("features|x, twice"));
      exec(c, "CREATE OR REPLACE MODEL am_sd_m TYPE ISOLATION_FOREST AS SELECT x FROM am_sd"
          + " WHERE x <= 100");
      assertTrue(lines(c, "DESCRIBE MODEL am_sd_m").contains("features|x"));
      assertTrue(lines(c, "DESCRIBE MODEL am_sd_m").contains("training_rows|100"));
      assertTrue(lines(c, "DESCRIBE MODEL am_sd_m").contains(
          "options|n_trees=100, sample_size=256, contamination=0.1, seed=42"), "defaults");
      assertEquals("300", one(c, "SELECT count(ANOMALY_SCORE('am_sd_m')) FROM am_sd"));

      exec(c, "DROP MODEL am_sd_m");
      failsWith("42704", () -> exec(c, "DROP MODEL am_sd_m"));
      exec(c, "DROP MODEL IF EXISTS am_sd_m");
      failsWith("42704", () -> lines(c, "DESCRIBE MODEL am_sd_m"));
      SQLException e = failsWith("42704", () -> lines(c,
          "SELECT ANOMALY_SCORE('am_sd_m') FROM am_sd"));
      assertTrue(e.getMessage().contains("model \"am_sd_m\" does not exist"), e.getMessage());
      assertTrue(lines(c, "SHOW MODELS").stream().noneMatch(l -> l.startsWith("am_sd_m|")));
    }
  }

  /** Errors carry their SQLSTATE and name what is wrong. */
  @Test
  void errors() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE am_err (x double precision, n int, t text)",
          "INSERT INTO am_err VALUES (1, 1, 'a'), (2, NULL, 'b'), (3, 3, 'c')");
      SQLException option = failsWith("22023", () -> exec(c, "CREATE MODEL am_err_m"
          + " TYPE ISOLATION_FOREST OPTIONS (n_tres = 10) AS SELECT x FROM am_err"));
      assertTrue(option.getMessage().contains("n_tres"), option.getMessage());
      SQLException value = failsWith("22023", () -> exec(c, "CREATE MODEL am_err_m"
          + " TYPE ISOLATION_FOREST OPTIONS (contamination = 0.9) AS SELECT x FROM am_err"));
      assertTrue(value.getMessage().contains("contamination"), value.getMessage());
      failsWith("22023", () -> exec(c, "CREATE MODEL am_err_m TYPE ISOLATION_FOREST"
          + " OPTIONS (n_trees = 'many') AS SELECT x FROM am_err"));
      failsWith("22023", () -> exec(c, "CREATE MODEL am_err_m TYPE KMEANS AS SELECT x FROM am_err"));
      failsWith("42601", () -> exec(c, "CREATE MODEL am_err_m TYPE ISOLATION_FOREST"));
      failsWith("42601", () -> exec(c, "CREATE MODEL am_err_m AS SELECT x FROM am_err"));
      SQLException text = failsWith("42804", () -> exec(c, "CREATE MODEL am_err_m"
          + " TYPE ISOLATION_FOREST AS SELECT x, t FROM am_err"));
      assertTrue(text.getMessage().contains("\"t\""), text.getMessage());
      SQLException nulls = failsWith("22004", () -> exec(c, "CREATE MODEL am_err_m"
          + " TYPE ISOLATION_FOREST AS SELECT x, n FROM am_err"));
      assertTrue(nulls.getMessage().contains("\"n\""), nulls.getMessage());
      failsWith("22000", () -> exec(c, "CREATE MODEL am_err_m TYPE ISOLATION_FOREST"
          + " AS SELECT x FROM am_err WHERE false"));
      failsWith("42P01", () -> exec(c, "CREATE MODEL am_err_m TYPE ISOLATION_FOREST"
          + " AS SELECT x FROM am_missing"));

      exec(c, "CREATE MODEL am_err_m TYPE ISOLATION_FOREST AS SELECT x, n FROM am_err"
          + " WHERE n IS NOT NULL");
      SQLException arity = failsWith("42883", () -> lines(c,
          "SELECT ANOMALY_SCORE('am_err_m', x) FROM am_err"));
      assertTrue(arity.getMessage().contains("2 feature"), arity.getMessage());
      failsWith("42804", () -> lines(c, "SELECT ANOMALY_SCORE('am_err_m', x, t) FROM am_err"));
      failsWith("42804", () -> lines(c, "SELECT ANOMALY_SCORE(t) FROM am_err"));
      failsWith("42704", () -> lines(c, "SELECT ANOMALY_PREDICT('am_nope') FROM am_err"));
      // Scoring a NULL feature is an error, not a silent NULL.
      failsWith("22004", () -> lines(c, "SELECT ANOMALY_SCORE('am_err_m') FROM am_err"));
      assertEquals("2", one(c, "SELECT count(ANOMALY_SCORE('am_err_m')) FROM am_err"
          + " WHERE n IS NOT NULL"));
    }
  }

  /** The same data, options and seed give the same model; another seed another one. */
  @Test
  void fixedSeedIsReproducible() throws SQLException {
    try (Connection c = server.connect()) {
      createData(c, "am_seed");
      exec(c, "CREATE MODEL am_seed_a TYPE ISOLATION_FOREST OPTIONS (seed = 9)"
              + " AS SELECT amount, freq FROM am_seed",
          "CREATE MODEL am_seed_b TYPE ISOLATION_FOREST OPTIONS (seed = 9)"
              + " AS SELECT amount, freq FROM am_seed",
          "CREATE MODEL am_seed_c TYPE ISOLATION_FOREST OPTIONS (seed = 10)"
              + " AS SELECT amount, freq FROM am_seed");
      assertEquals("0", one(c, "SELECT count(*) FROM am_seed"
          + " WHERE ANOMALY_SCORE('am_seed_a') <> ANOMALY_SCORE('am_seed_b')"));
      assertNotEquals("0", one(c, "SELECT count(*) FROM am_seed"
          + " WHERE ANOMALY_SCORE('am_seed_a') <> ANOMALY_SCORE('am_seed_c')"));
    }
  }

  /**
   * A model made on a branch is not on main until merged; time travel shows the model a commit
   * had; ygg.diff lists model changes.
   */
  @Test
  void modelsFollowBranchesAndTimeTravel() throws SQLException {
    try (Connection c = server.connect()) {
      createData(c, "am_br");
      exec(c, "SELECT ygg.create_branch('am_exp', 'main')", "SET ygg.branch = 'am_exp'",
          "CREATE MODEL am_br_m TYPE ISOLATION_FOREST OPTIONS (seed = 1)"
              + " AS SELECT amount, freq FROM am_br");
      String cut = cutoff(c, "am_br_m", "am_br");
      String top = "SELECT id FROM am_br WHERE ANOMALY_SCORE('am_br_m') > " + cut;
      assertEquals(outlierIds(), sorted(lines(c, top)));
      exec(c, "RESET ygg.branch");
      failsWith("42704", () -> lines(c, "SELECT ANOMALY_SCORE('am_br_m') FROM am_br"));
      assertTrue(lines(c, "SHOW MODELS").stream().noneMatch(l -> l.startsWith("am_br_m|")));
      List<String> diff = lines(c, "SELECT table_name, kind FROM ygg.diff('main', 'am_exp')"
          + " WHERE kind LIKE 'model%'");
      assertEquals(list("am_br_m|model created"), diff);
      exec(c, "SELECT ygg.merge('am_exp', 'main')");
      assertEquals(outlierIds(), sorted(lines(c, top)));

      // Retrain on fewer features; the old commit still has the old model.
      String before = one(c, "SELECT ygg.commit_id()");
      exec(c, "CREATE OR REPLACE MODEL am_br_m TYPE ISOLATION_FOREST OPTIONS (seed = 1)"
          + " AS SELECT amount FROM am_br");
      String after = one(c, "SELECT ygg.commit_id()");
      assertTrue(lines(c, "DESCRIBE MODEL am_br_m").contains("features|amount"));
      assertEquals(list("am_br_m|model replaced"), lines(c, "SELECT table_name, kind"
          + " FROM ygg.diff('" + before + "', '" + after + "') WHERE kind LIKE 'model%'"));
      // The one-feature model does not find the low-amount outliers that two features found.
      List<String> newTop = lines(c, top);
      assertNotEquals(outlierIds(), sorted(newTop));
      exec(c, "SET ygg.commit_id = '" + before + "'");
      assertTrue(lines(c, "DESCRIBE MODEL am_br_m").contains("features|amount, freq"));
      assertEquals(outlierIds(), sorted(lines(c, top)));
      failsWith("42883", () -> lines(c, "SELECT ANOMALY_SCORE('am_br_m', amount) FROM am_br"));
      exec(c, "RESET ygg.commit_id");
      assertEquals(sorted(newTop), sorted(lines(c, top)));
      exec(c, "DROP MODEL am_br_m");
      String dropped = one(c, "SELECT ygg.commit_id()");
      assertEquals(list("am_br_m|model dropped"), lines(c, "SELECT table_name, kind"
          + " FROM ygg.diff('" + after + "', '" + dropped + "') WHERE kind LIKE 'model%'"));
    }
  }

  /** A transaction that creates a model and rolls back leaves no model behind. */
  @Test
  void createModelIsTransactional() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE am_tx2 (x double precision)",
          "INSERT INTO am_tx2 SELECT g FROM generate_series(1, 50) g");
      c.setAutoCommit(false);
      exec(c, "CREATE MODEL am_tx2_m TYPE ISOLATION_FOREST AS SELECT x FROM am_tx2");
      assertEquals("50", one(c, "SELECT count(ANOMALY_SCORE('am_tx2_m')) FROM am_tx2"));
      c.rollback();
      c.setAutoCommit(true);
      failsWith("42704", () -> lines(c, "DESCRIBE MODEL am_tx2_m"));
    }
  }

  /** Both sides retraining the same model is a merge conflict (YG001), resolvable by strategy. */
  @Test
  void retrainingOnBothSidesConflicts() throws SQLException {
    try (Connection c = server.connect()) {
      createData(c, "am_mc");
      exec(c, "CREATE MODEL am_mc_m TYPE ISOLATION_FOREST OPTIONS (seed = 1)"
              + " AS SELECT amount, freq FROM am_mc",
          "SELECT ygg.create_branch('am_mc_b', 'main')",
          "CREATE OR REPLACE MODEL am_mc_m TYPE ISOLATION_FOREST OPTIONS (seed = 2)"
              + " AS SELECT amount, freq FROM am_mc",
          "SET ygg.branch = 'am_mc_b'",
          "CREATE OR REPLACE MODEL am_mc_m TYPE ISOLATION_FOREST OPTIONS (seed = 3)"
              + " AS SELECT amount FROM am_mc",
          "RESET ygg.branch");
      failsWith("YG001", () -> one(c, "SELECT ygg.merge('am_mc_b', 'main')"));
      assertEquals(list("am_mc_m|model cell"), lines(c, "SELECT table_name, kind FROM ygg.conflicts"));
      // Both versions summarized (features, options), not the serialized weights.
      assertEquals(list("t|t|t"), lines(c, "SELECT ours LIKE '%amount, freq%',"
          + " theirs LIKE '%amount%' AND theirs NOT LIKE '%freq%', length(ours) < 1000"
          + " FROM ygg.conflicts"));
      assertTrue(lines(c, "DESCRIBE MODEL am_mc_m").contains("features|amount, freq"));
      exec(c, "SELECT ygg.merge('am_mc_b', 'main', 'theirs')");
      assertTrue(lines(c, "DESCRIBE MODEL am_mc_m").contains("features|amount"));
      assertEquals("2010", one(c, "SELECT count(ANOMALY_SCORE('am_mc_m')) FROM am_mc"));
    }
  }

  /** A model is stored with the data: after a restart it scores exactly as before. */
  @Test
  void modelsSurviveARestart(@TempDir Path dir) throws SQLException {
    List<String> before;
    try (DiskServer disk = new DiskServer(dir); Connection c = disk.connect()) {
      createData(c, "am_disk");
      exec(c, "CREATE MODEL am_disk_m TYPE ISOLATION_FOREST OPTIONS (seed = 4)"
          + " AS SELECT amount, freq FROM am_disk");
      before = lines(c, "SELECT id, ANOMALY_SCORE('am_disk_m') FROM am_disk ORDER BY id");
    }
    try (DiskServer disk = new DiskServer(dir); Connection c = disk.connect()) {
      assertEquals(before, lines(c, "SELECT id, ANOMALY_SCORE('am_disk_m') FROM am_disk ORDER BY id"));
      assertTrue(lines(c, "SHOW MODELS").get(0).startsWith("am_disk_m|isolation_forest|amount, freq|2010|"));
    }
  }
}
