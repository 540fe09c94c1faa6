package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8's statements typed into the real {@code psql}: a model trained on a table with planted
 * outliers finds them in WHERE and ORDER BY, SHOW/DESCRIBE/DROP MODEL answer, and a model
 * retrained and dropped on a branch leaves main's model as it was.
 */
class PsqlAnomalyModelTest {
  @RegisterExtension static final TestServer server = new TestServer();

  /** 5,000 rows in a tight band; every 500th row is far away in both features. */
  private static final String LOAD = "INSERT INTO tx SELECT id,"
      + " CASE WHEN id % 500 = 0 THEN 5000 ELSE 50 + (id * 7919 % 100) / 10.0 END,"
      + " CASE WHEN id % 500 = 0 THEN 200 ELSE 3 + (id * 104729 % 50) / 10.0 END"
      + " FROM generate_series(1, 5000) s(id)";

  private static final String TRAIN = "MODEL fraud TYPE ISOLATION_FOREST"
      + " OPTIONS (n_trees = 100, sample_size = 256, contamination = 0.01, seed = %d)"
      + " AS SELECT amount, freq FROM tx";

  @Test
  void trainScoreDescribeAndBranchAModelFromPsql() throws Exception {
    assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
    assumeTrue(Psql.available(), "psql is not installed (CI installs postgresql-client)");

    psql("CREATE TABLE tx (id int PRIMARY KEY, amount double precision, freq double precision)",
        LOAD, "CREATE " + TRAIN.formatted(7));

    assertEquals(List.of("500", "1000", "1500", "2000", "2500"),
        psql("SELECT id FROM (SELECT id, ANOMALY_SCORE('fraud') AS s FROM tx"
            + " ORDER BY s DESC LIMIT 5) top ORDER BY id"),
        "the five highest scores are planted outliers");
    assertEquals(List.of("10"),
        psql("SELECT count(*) FROM tx WHERE id % 500 = 0 AND ANOMALY_PREDICT('fraud') = 1"),
        "every planted outlier is predicted anomalous");
    assertEquals(List.of("t"),
        psql("SELECT ANOMALY_SCORE('fraud', amount, freq) = ANOMALY_SCORE('fraud')"
            + " FROM tx WHERE id = 1000"), "long and short forms agree");

    assertEquals(List.of("fraud|isolation_forest|amount, freq|5000"), showModels(),
        "SHOW MODELS: name, type, features, training rows");
    List<String> describe = psql("DESCRIBE MODEL fraud");
    assertTrue(describe.stream().anyMatch(l -> l.startsWith("features|amount, freq")),
        () -> "DESCRIBE MODEL lists the features:\n" + describe);
    assertTrue(describe.stream().anyMatch(l -> l.startsWith("options|") && l.contains("seed")),
        () -> "DESCRIBE MODEL lists the options:\n" + describe);

    String mainScore = psql("SELECT ANOMALY_SCORE('fraud') FROM tx WHERE id = 17").get(0);
    psql("SELECT ygg.create_branch('retrain', 'main')");
    // one psql session: on the branch, retrain with another seed, score, then drop it there
    List<String> onBranch = psql("SET ygg.branch = 'retrain'",
        "CREATE OR REPLACE " + TRAIN.formatted(8),
        "SELECT ANOMALY_SCORE('fraud') FROM tx WHERE id = 17",
        "DROP MODEL fraud",
        "DROP MODEL IF EXISTS fraud");
    assertNotEquals(mainScore, onBranch.get(0), "the branch scores with its retrained model");

    assertEquals(List.of(mainScore), psql("SELECT ANOMALY_SCORE('fraud') FROM tx WHERE id = 17"),
        "main still scores with the model it trained");
    Psql.Result unknown = Psql.run(server, List.of("-A", "-t", "-q", "-v", "VERBOSITY=verbose"),
        "SET ygg.branch = 'retrain'", "SELECT ANOMALY_SCORE('fraud') FROM tx");
    assertNotEquals(0, unknown.exitCode(), "the model is gone on the branch");
    assertTrue(unknown.output().contains("42704"), unknown.output());
  }

  private static List<String> showModels() throws Exception {
    return psql("SHOW MODELS").stream()
        .map(l -> String.join("|", List.of(l.split("\\|")).subList(0, 4)).toLowerCase())
        .toList();
  }

  private static List<String> psql(String... commands) throws Exception {
    Psql.Result r = Psql.run(server, List.of("-A", "-t", "-q", "-v", "ON_ERROR_STOP=1"),
        commands);
    assertEquals(0, r.exitCode(), () -> "psql failed:\n" + r.output());
    return r.output().lines().toList();
  }
}
