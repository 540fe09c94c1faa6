package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.planner.SqlDriver;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.exec.CompiledQuery;
import org.yggdrasil.planner.exec.ExecContext;
import org.yggdrasil.planner.exec.PgRewrites;
import org.yggdrasil.planner.exec.QueryCompiler;
import org.yggdrasil.planner.schema.RootSchemas;

/**
 * A query that only reads numeric columns of one table is read in place by row number
 * (CREATE MODEL reads its training sample this way): row k read in place is the query's k-th
 * row, over several chunks, with deleted and updated rows, filters, zone-map pruning and casts.
 * Anything else is left to run as a query.
 */
class StoredTrainingRowsTest {
  private static YggEngine engine;
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    engine = new YggEngine(EngineOptions.memory());
    db = SqlDriver.sharing(engine);
    db.run("CREATE TABLE tr (id int PRIMARY KEY, day date, a double precision, b numeric(10,2),"
        + " c int, r real, big bigint, s smallint, n double precision, g text)");
    // 150,000 rows: two full chunks and a partial third; days ascend, so a day filter prunes chunks
    db.run("INSERT INTO tr SELECT x, DATE '2026-01-01' + x / 1000, (x * 7919 % 1000) / 8.0,"
        + " CAST(x % 4000 AS numeric(10,2)) / 40, x % 97, x / 7.0, x::bigint * 1000003, x % 300,"
        + " CASE WHEN x IN (70001, 70007, 140002) THEN NULL ELSE x END, 'g' || (x % 5)"
        + " FROM generate_series(1, 150000) s(x)");
    db.run("DELETE FROM tr WHERE id % 10 = 3");
    db.run("UPDATE tr SET a = -a WHERE id % 1000 = 7");
    // never deleted from: row numbers map to chunks by arithmetic alone
    db.run("CREATE TABLE tu (a double precision, b double precision, c int)");
    db.run("INSERT INTO tu SELECT (x * 7919 % 1000) / 8.0, x / 3.0, x % 97 FROM generate_series(1, 140000) s(x)");
  }

  @AfterAll
  static void close() {
    db.close();
    engine.close();
  }

  private static CompiledQuery compile(String sql) {
    SchemaPlus root = root();
    return QueryCompiler.compile(PgRewrites.apply(QueryCompiler.parse(sql)), root, sql);
  }

  private static SchemaPlus root() {
    return RootSchemas.create(engine.database("ygg").snapshot("main"), null, Map.of());
  }

  private static StoredTrainingRows open(String sql) {
    CompiledQuery q = compile(sql);
    assertNotNull(q.columnRead(), () -> "not read in place: " + q.explain());
    return StoredTrainingRows.open(new ExecContext(root(), new Object[0], Map.of(), null, 0L, "ygg", "UTC"),
        q.columnRead());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a, c FROM tr",
      "SELECT b, r, big, s FROM tr",
      "SELECT a, b::double precision, c FROM tr WHERE c > 40 AND day < DATE '2026-04-01'",
      "SELECT c, a FROM tr WHERE day >= DATE '2026-03-15' AND g <> 'g2'",
      "SELECT a FROM tr WHERE id BETWEEN 60000 AND 70000 OR id < 10",
      "SELECT a, a FROM tr WHERE a < 0",
      "SELECT a, b FROM tu",
      "SELECT c, b FROM tu",
      "SELECT b FROM tu WHERE c = 3"})
  void rowKReadInPlaceIsTheQuerysKthRow(String sql) {
    StoredTrainingRows stored = open(sql);
    List<List<Object>> expected = db.run(sql);
    assertEquals(expected.size(), stored.rows());
    int n = stored.rows();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    // and a sparse ascending subset, as training asks for
    int[] some = java.util.stream.IntStream.range(0, n).filter(i -> i % 997 == 5 || i == n - 1).toArray();
    for (int f = 0; f < stored.features(); f++) {
      double[] out = new double[n + 3];
      stored.gather(f, all, n, out, 3);
      for (int i = 0; i < n; i++) {
        assertEquals(((Number) expected.get(i).get(f)).doubleValue(), out[3 + i], sql + ": row " + i + " feature " + f);
      }
      double[] sparse = new double[some.length];
      stored.gather(f, some, some.length, sparse, 0);
      for (int i = 0; i < some.length; i++) {
        assertEquals(out[3 + some[i]], sparse[i], sql + ": row " + some[i]);
      }
    }
    assertNull(stored.firstNull());
  }

  @Test
  void theFirstNullIsTheOneReadingTheQueryMeets() {
    // id 70001 is the first NULL of n; row numbers count the kept rows before it
    assertNull(open("SELECT n FROM tr WHERE id < 70001").firstNull());
    StoredTrainingRows.NullValue first = open("SELECT a, n FROM tr WHERE id > 100").firstNull();
    assertNotNull(first);
    assertEquals(1, first.feature());
    List<List<Object>> rows = db.run("SELECT a, n FROM tr WHERE id > 100");
    int expected = -1;
    for (int i = 0; i < rows.size() && expected < 0; i++) {
      if (rows.get(i).get(1) == null) {
        expected = i;
      }
    }
    assertEquals(expected, first.row());
    // filtered out: not met
    assertNull(open("SELECT n FROM tr WHERE id NOT IN (70001, 70007, 140002)").firstNull());
  }

  @Test
  void anEmptyResultHasNoRows() {
    assertEquals(0, open("SELECT a FROM tr WHERE day > DATE '2030-01-01'").rows());
    assertEquals(0, open("SELECT a FROM tr WHERE c > 1000").rows());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a * 2, c FROM tr",
      "SELECT a, g FROM tr",
      "SELECT a FROM tr ORDER BY id",
      "SELECT a FROM tr LIMIT 10",
      "SELECT count(*) FROM tr",
      "SELECT x.a FROM tr x JOIN tr y ON x.id = y.c",
      "SELECT a FROM tr WHERE sin(a) > 0",
      "SELECT CAST(a AS real) FROM tr"})
  void otherQueriesRunAsQueries(String sql) {
    assertNull(compile(sql).columnRead());
  }
}
