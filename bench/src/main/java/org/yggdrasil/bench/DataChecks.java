package org.yggdrasil.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * perf-anchors §2's checksums of the loaded data, computed by DuckDB (the reference) and
 * compared with the specification's values at 10M rows; at other sizes only printed.
 */
final class DataChecks {
  private DataChecks() {}

  private record Check(String table, String label, String sql, String expectedAt10M) {}

  private static final List<Check> CHECKS = List.of(
      new Check("lineitem", "lineitem rows", "SELECT count(*) FROM lineitem", "10000000"),
      new Check("lineitem_dec", "sum(l_quantity)",
          "SELECT sum(l_quantity) FROM lineitem_dec", "255032626"),
      // perf-anchors says .28; the exact decimal sum of its own data (sha256 as recorded) is .30,
      // so its figure must come from a double sum: within the 1e-12 that agree() allows.
      new Check("lineitem_dec", "sum(l_extendedprice)",
          "SELECT sum(l_extendedprice) FROM lineitem_dec", "382481320684.28"),
      new Check("lineitem_dec", "sum(l_discount)",
          "SELECT sum(l_discount) FROM lineitem_dec", "499989.50"),
      new Check("lineitem_dec", "sum(l_tax)", "SELECT sum(l_tax) FROM lineitem_dec", "399999.80"),
      new Check("lineitem", "shipdate range, distinct",
          "SELECT min(l_shipdate) || '..' || max(l_shipdate) || ' ' || count(DISTINCT l_shipdate)"
              + " FROM lineitem", "1992-01-02..1998-12-01 2526"),
      new Check("lineitem", "flags",
          "SELECT string_agg(f || '=' || n, ' ' ORDER BY f) FROM (SELECT"
              + " l_returnflag || l_linestatus AS f, count(*) AS n FROM lineitem GROUP BY ALL)",
          "AF=2469617 NF=64187 NO=5000187 RF=2466009"),
      new Check("x", "x distinct id1..id6",
          "SELECT count(DISTINCT id1) || '/' || count(DISTINCT id2) || '/' || count(DISTINCT id3)"
              + " || '/' || count(DISTINCT id4) || '/' || count(DISTINCT id5) || '/'"
              + " || count(DISTINCT id6) FROM x",
          "100/100/100000/100/100/100000"),
      new Check("x", "sum(v1)", "SELECT sum(v1) FROM x", "29996817"),
      new Check("x", "sum(v2)", "SELECT sum(v2) FROM x", "80010906"),
      new Check("x", "sum(v3)", "SELECT sum(v3) FROM x", "500073655.024995"),
      new Check("hits", "distinct urls", "SELECT count(DISTINCT url) FROM hits", "9999995"),
      new Check("hits", "url bytes", "SELECT sum(length(url)) FROM hits", "563497120"));

  /**
   * Prints each check of the tables loaded; returns how many differ from the specification (0
   * below 10M rows).
   */
  static int run(Connection duck, int rows, List<BenchTable> loaded, PrintStream log)
      throws SQLException {
    boolean spec = rows == BenchTable.SPEC_ROWS;
    int mismatches = 0;
    try (Statement s = duck.createStatement()) {
      for (Check c : CHECKS) {
        if (loaded.stream().noneMatch(t -> t.name().equals(c.table()))) {
          continue;
        }
        String value;
        try (ResultSet rs = s.executeQuery(c.sql())) {
          rs.next();
          value = rs.getString(1);
        }
        String verdict = "";
        if (spec) {
          boolean same = agree(value, c.expectedAt10M());
          mismatches += same ? 0 : 1;
          verdict = same ? "  ok" : "  DIFFERS from perf-anchors' " + c.expectedAt10M();
        }
        log.printf("  %-26s %s%s%n", c.label(), value, verdict);
      }
    }
    return mismatches;
  }

  /** Equal text, or numbers equal to 12 significant digits (sum(v3) is a double sum). */
  private static boolean agree(String actual, String expected) {
    if (actual.equals(expected)) {
      return true;
    }
    try {
      BigDecimal a = new BigDecimal(actual);
      BigDecimal e = new BigDecimal(expected);
      return a.subtract(e).abs().doubleValue() <= 1e-12 * e.abs().doubleValue();
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }
}
