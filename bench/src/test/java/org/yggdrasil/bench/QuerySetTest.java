package org.yggdrasil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The query set: perf-anchors' names in its order, and which tables a selection loads. */
class QuerySetTest {

  private static List<String> tables(String... queries) {
    return BenchTable.usedBy(QuerySet.select(List.of(queries))).stream()
        .map(BenchTable::name).toList();
  }

  @Test
  void theWholeSetReadsEveryTable() {
    assertEquals(List.of("lineitem", "lineitem_dec", "x", "hits"), tables());
    assertEquals(28, QuerySet.all().size());
    assertEquals(QuerySet.all().size(),
        QuerySet.all().stream().map(BenchQuery::name).distinct().count());
  }

  @Test
  void aSelectionLoadsOnlyTheTablesItReads() {
    assertEquals(List.of("lineitem"), tables("tpch_q6", "median_price"));
    assertEquals(List.of("lineitem_dec"), tables("tpch_q6_decimal"));
    assertEquals(List.of("lineitem", "hits"), tables("like_google", "tpch_q1"));
    assertEquals(List.of("x"), tables("h2o_q10"));
  }

  @Test
  void selectionKeepsTheGivenOrderAndRefusesUnknownNames() {
    assertEquals(List.of("h2o_q3", "tpch_q1"),
        QuerySet.select(List.of("h2o_q3", "tpch_q1")).stream().map(BenchQuery::name).toList());
    assertThrows(IllegalArgumentException.class, () -> QuerySet.select(List.of("tpch_q99")));
  }

  @Test
  void duckDbSpellingsDifferOnlyForQuantiles() {
    for (BenchQuery q : QuerySet.all()) {
      boolean quantile = q.duckSql().contains("median(") || q.duckSql().contains("quantile_cont(");
      assertEquals(!quantile, q.duckSql().equals(q.yggSql()), q.name());
    }
  }
}
