package org.yggdrasil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The result check: row sets, floats to a relative 1e-9, decimals against floats. Results too
 * large to keep compare by fingerprint, whose float sums only see differences above 1e-9 of the
 * column total.
 */
class ResultCheckTest {

  private static ResultRows rows(Object[]... rows) {
    ResultRows r = new ResultRows();
    for (Object[] row : rows) {
      r.add(row);
    }
    return r;
  }

  @Test
  void unorderedResultsCompareAsSets() {
    ResultRows duck = rows(new Object[] {"id001", 3L}, new Object[] {"id002", 4L});
    ResultRows ours = rows(new Object[] {"id002", 4}, new Object[] {"id001", 3});
    assertNull(ResultCheck.difference(duck, ours, false));
    assertTrue(ResultCheck.difference(duck, ours, true).startsWith("row 1 column 1"));
  }

  @Test
  void floatsAgreeToARelativeBillionth() {
    ResultRows duck = rows(new Object[] {38248.132068431005});
    assertNull(ResultCheck.difference(duck, rows(new Object[] {38248.13206843}), false));
    assertNull(ResultCheck.difference(duck,
        rows(new Object[] {new BigDecimal("38248.1320684310050000")}), false));
    String d = ResultCheck.difference(duck, rows(new Object[] {38248.1325}), false);
    assertTrue(d.contains("38248.1325"), d);
  }

  @Test
  void resultsThatCancelToAboutZeroAgree() {
    // H2O Q9's r² of unrelated columns: float noise whose size depends on the summation order.
    assertNull(ResultCheck.difference(rows(new Object[] {2.8084617521490705E-33}),
        rows(new Object[] {4.162334814840606E-34}), false));
    assertTrue(ResultCheck.difference(rows(new Object[] {1e-6}), rows(new Object[] {2e-6}), false)
        .startsWith("row 1"));
  }

  @Test
  void decimalsAndIntegersAreExact() {
    assertNull(ResultCheck.difference(rows(new Object[] {new BigDecimal("206243447.2022")}),
        rows(new Object[] {new BigDecimal("206243447.20220")}), false));
    assertEquals("row 1 column 1: 9091180 (expected 9091179)", ResultCheck.difference(
        rows(new Object[] {9091179L}), rows(new Object[] {9091180L}), false));
  }

  @Test
  void rowCountsAndNullsMatter() {
    assertEquals("rows 1 (expected 2)", ResultCheck.difference(
        rows(new Object[] {1L}, new Object[] {2L}), rows(new Object[] {1L}), false));
    assertTrue(ResultCheck.difference(rows(new Object[] {(Object) null}),
        rows(new Object[] {0L}), false).contains("null"));
  }

  @Test
  void datesFromEitherDriverCompareAsText() {
    assertNull(ResultCheck.difference(
        rows(new Object[] {java.sql.Date.valueOf("1998-12-01")}),
        rows(new Object[] {java.time.LocalDate.of(1998, 12, 1)}), false));
  }

  @Test
  void largeResultsCompareByFingerprint() {
    ResultRows a = new ResultRows();
    ResultRows b = new ResultRows();
    int n = ResultRows.KEEP + 10;
    for (int i = 0; i < n; i++) {
      a.add(new Object[] {"k" + i, i * 0.5});
      b.add(new Object[] {"k" + (n - 1 - i), (n - 1 - i) * 0.5});
    }
    assertEquals(ResultRows.KEEP, a.rows().size());
    assertNull(ResultCheck.difference(a, b, false));
    ResultRows c = new ResultRows();
    for (int i = 0; i < n; i++) {
      c.add(new Object[] {"k" + i, i == 7 ? 1e6 : i * 0.5});
    }
    assertEquals("column 2 differs (fingerprint of " + n + " rows)",
        ResultCheck.difference(a, c, false));
  }
}
