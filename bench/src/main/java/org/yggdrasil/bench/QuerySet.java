package org.yggdrasil.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's queries: perf-anchors §3's exact SQL, in its order, plus a few extras. */
public final class QuerySet {
  private QuerySet() {}

  private static final String Q1 = "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty,"
      + " sum(l_extendedprice) AS sum_base_price,"
      + " sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
      + " sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,"
      + " avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price,"
      + " avg(l_discount) AS avg_disc, count(*) AS count_order FROM %s"
      + " WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus"
      + " ORDER BY l_returnflag, l_linestatus";
  private static final String Q6 = "SELECT sum(l_extendedprice * l_discount) AS revenue FROM %s"
      + " WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'"
      + " AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24";

  public static List<BenchQuery> all() {
    List<BenchQuery> q = new ArrayList<>();
    q.add(new BenchQuery("tpch_q1", Q1.formatted("lineitem"), Q1.formatted("lineitem"), true,
        false, false));
    q.add(BenchQuery.same("tpch_q6", Q6.formatted("lineitem")));
    q.add(new BenchQuery("tpch_q1_decimal", Q1.formatted("lineitem_dec"),
        Q1.formatted("lineitem_dec"), true, false, false));
    q.add(BenchQuery.same("tpch_q6_decimal", Q6.formatted("lineitem_dec")));
    q.add(BenchQuery.same("count_neq_num",
        "SELECT count(*) FROM lineitem WHERE l_discount <> 0.05"));
    q.add(BenchQuery.same("count_neq_str",
        "SELECT count(*) FROM lineitem WHERE l_returnflag <> 'N'"));
    q.add(BenchQuery.same("avg_price", "SELECT avg(l_extendedprice) FROM lineitem"));
    q.add(new BenchQuery("sum_count_avg",
        "SELECT sum(l_quantity), count(*), avg(l_discount) FROM lineitem",
        "SELECT sum(l_quantity), count(*), avg(l_discount) FROM lineitem", false, true, false));
    q.add(new BenchQuery("median_price", "SELECT median(l_extendedprice) FROM lineitem",
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY l_extendedprice) FROM lineitem",
        false, false, false));
    q.add(new BenchQuery("percentile_cont",
        "SELECT quantile_cont(l_extendedprice, 0.9) FROM lineitem",
        "SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY l_extendedprice) FROM lineitem",
        false, true, false));
    // ORDER BY … LIMIT: a top-n heap, not a sort (the second key only makes ties deterministic)
    q.add(new BenchQuery("top10_price",
        "SELECT l_extendedprice, l_quantity FROM lineitem ORDER BY l_extendedprice DESC, l_quantity LIMIT 10",
        "SELECT l_extendedprice, l_quantity FROM lineitem ORDER BY l_extendedprice DESC, l_quantity LIMIT 10",
        true, true, false));
    q.add(BenchQuery.materialized("h2o_q1", "SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1"));
    q.add(BenchQuery.materialized("h2o_q2",
        "SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2"));
    q.add(BenchQuery.materialized("h2o_q3",
        "SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3"));
    q.add(BenchQuery.materialized("h2o_q4",
        "SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4"));
    q.add(BenchQuery.materialized("h2o_q5",
        "SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6"));
    q.add(new BenchQuery("h2o_q6",
        "SELECT id4, id5, quantile_cont(v3, 0.5) AS median_v3, stddev(v3) AS sd_v3 FROM x"
            + " GROUP BY id4, id5",
        "SELECT id4, id5, percentile_cont(0.5) WITHIN GROUP (ORDER BY v3) AS median_v3,"
            + " stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5",
        false, false, true));
    q.add(BenchQuery.materialized("h2o_q6_sd_only",
        "SELECT id4, id5, stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5"));
    q.add(BenchQuery.materialized("h2o_q7",
        "SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3"));
    q.add(BenchQuery.materialized("h2o_q8", "SELECT id6, v3 AS largest2_v3 FROM (SELECT id6, v3,"
        + " row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC) AS order_v3 FROM x"
        + " WHERE v3 IS NOT NULL) sub_query WHERE order_v3 <= 2"));
    q.add(BenchQuery.materialized("h2o_q9",
        "SELECT id2, id4, pow(corr(v1, v2), 2) AS r2 FROM x GROUP BY id2, id4"));
    q.add(BenchQuery.materialized("h2o_q10", "SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3,"
        + " count(*) AS count FROM x GROUP BY id1, id2, id3, id4, id5, id6"));
    q.add(BenchQuery.materialized("rownum_top1", "SELECT id1, v3 FROM (SELECT id1, v3, row_number()"
        + " OVER (PARTITION BY id1 ORDER BY v3 DESC) AS rn FROM x) t WHERE rn = 1"));
    q.add(new BenchQuery("h2o_top100_v3", "SELECT id6, v3 FROM x ORDER BY v3, id6 LIMIT 100",
        "SELECT id6, v3 FROM x ORDER BY v3, id6 LIMIT 100", true, true, false));
    q.add(BenchQuery.same("count_distinct_id3", "SELECT count(DISTINCT id3) FROM x"));
    q.add(BenchQuery.same("like_google",
        "SELECT count(*) FROM hits WHERE url LIKE '%google%'"));
    q.add(BenchQuery.same("like_search",
        "SELECT count(*) FROM hits WHERE url LIKE '%search%'"));
    q.add(BenchQuery.same("avg_length_url", "SELECT avg(length(url)) FROM hits"));
    return q;
  }

  /** The queries named, in the set's order; all when {@code names} is empty. */
  public static List<BenchQuery> select(List<String> names) {
    if (names.isEmpty()) {
      return all();
    }
    Map<String, BenchQuery> byName = new LinkedHashMap<>();
    for (BenchQuery q : all()) {
      byName.put(q.name(), q);
    }
    List<BenchQuery> chosen = new ArrayList<>();
    for (String n : names) {
      BenchQuery q = byName.get(n);
      if (q == null) {
        throw new IllegalArgumentException("no query named " + n + "; the set: "
            + String.join(",", byName.keySet()));
      }
      chosen.add(q);
    }
    return chosen;
  }
}
