-- Anomaly models through psql. anomaly.out is Yggdrasil's own output, reviewed by hand
-- (PostgreSQL has no CREATE MODEL); commit ids, uids and times are never printed.
\set QUIET off
CREATE TABLE psql_tx (id int PRIMARY KEY, amount double precision, freq double precision);
INSERT INTO psql_tx SELECT g, 50 + (g * 7919 % 1000) / 100.0, 5 + (g * 104729 % 1000) / 1000.0
  FROM generate_series(1, 500) g;
INSERT INTO psql_tx VALUES (501, 100, 5.5), (502, 55, 9);
CREATE MODEL psql_fraud TYPE ISOLATION_FOREST
  OPTIONS (n_trees = 100, sample_size = 128, contamination = 0.01, seed = 7)
  AS SELECT amount, freq FROM psql_tx;
SELECT name, type, features, training_rows FROM ygg.models;
-- Only facts that hold for any good forest are printed: the planted rows are flagged,
-- about 1% of all rows are, and every measure is in [0, 1].
SELECT id, ANOMALY_PREDICT('psql_fraud') AS predicted, ANOMALY_PROBA('psql_fraud') > 0.95 AS likely
  FROM psql_tx WHERE id > 500 ORDER BY id;
SELECT count(*) BETWEEN 3 AND 12 AS about_one_percent FROM psql_tx
  WHERE ANOMALY_PREDICT('psql_fraud') = 1;
SELECT min(ANOMALY_SCORE('psql_fraud')) >= 0 AND max(ANOMALY_SCORE('psql_fraud')) <= 1 AS score,
       min(ANOMALY_CONFIDENCE('psql_fraud')) >= 0 AND max(ANOMALY_CONFIDENCE('psql_fraud')) <= 1
         AS confidence
  FROM psql_tx;
SELECT count(*) FROM psql_tx
  WHERE ANOMALY_SCORE('psql_fraud') <> ANOMALY_SCORE('psql_fraud', amount, freq);
SELECT ANOMALY_PREDICT('psql_fraud', 55, 5.5) AS usual, ANOMALY_PREDICT('psql_fraud', 80, 7) AS odd;
DESCRIBE MODEL psql_nothing;
SELECT ANOMALY_SCORE('psql_fraud', amount) FROM psql_tx;
CREATE MODEL psql_fraud TYPE ISOLATION_FOREST AS SELECT amount FROM psql_tx;
CREATE MODEL psql_bad TYPE ISOLATION_FOREST OPTIONS (trees = 5) AS SELECT amount FROM psql_tx;
DROP MODEL psql_fraud;
DROP MODEL IF EXISTS psql_fraud;
SELECT ANOMALY_SCORE('psql_fraud') FROM psql_tx;
