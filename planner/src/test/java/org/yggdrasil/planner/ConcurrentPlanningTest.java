package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * Sessions plan queries at the same time without sharing mutable planner state: a shuttle kept
 * in a static field once made concurrent plans fail with XX000 NoSuchElementException.
 */
class ConcurrentPlanningTest {
  @Test
  void sessionsPlanConcurrently() throws Exception {
    YggEngine engine = new YggEngine(EngineOptions.memory());
    try (SqlDriver setup = SqlDriver.sharing(engine)) {
      setup.run("CREATE TABLE t (a int, b double precision)");
      setup.run("INSERT INTO t VALUES (1, 1.5), (2, 2.5), (3, 3.5)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int worker = 0; worker < 3; worker++) {
        int w = worker;
        runs.add(pool.submit(() -> {
          int ok = 0;
          try (SqlDriver db = SqlDriver.sharing(engine)) {
            for (int i = 0; i < 60; i++) {
              // distinct texts, so every statement is planned anew
              List<List<Object>> rows = db.run("SELECT a FROM t WHERE a > " + (i % 2) + " UNION ALL"
                  + " SELECT a FROM t WHERE a < " + (w + i) + " ORDER BY 1 LIMIT 100");
              ok += rows.isEmpty() ? 0 : 1;
              db.run("SELECT stddev(b), count(*) FROM t WHERE a <> " + (1000 + w * 100 + i));
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> f : runs) {
        assertEquals(60, f.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
      engine.close();
    }
  }
}
