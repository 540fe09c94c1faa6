package org.yggdrasil.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a query returned, in values both engines' drivers agree on: integers as
 * Long, floats as Double, decimals as BigDecimal, everything else (strings, dates) as text.
 * Rows are kept up to {@link #KEEP}; beyond that (H2O Q10's groups) only an order-insensitive
 * fingerprint of every row is, so the check stays within memory and time: every query keeps its
 * first rows per engine, path and thread setting until the report.
 */
public final class ResultRows {
  static final int KEEP = 250_000;

  private final List<Object[]> rows = new ArrayList<>();
  private long count;
  private int width = -1;
  private double[] numberSums;
  private long[] textHashes;
  private long[] nulls;
  private List<Object[]> sorted;

  /** Takes one row (values as the driver or session gave them); the array is not kept. */
  public void add(Object[] raw) {
    if (width < 0) {
      width = raw.length;
      numberSums = new double[width];
      textHashes = new long[width];
      nulls = new long[width];
    }
    Object[] row = new Object[raw.length];
    for (int i = 0; i < raw.length; i++) {
      Object v = normalize(raw[i]);
      row[i] = v;
      if (v == null) {
        nulls[i]++;
      } else if (v instanceof Number n) {
        numberSums[i] += n.doubleValue();
      } else {
        textHashes[i] += v.hashCode();
      }
    }
    if (count < KEEP) {
      rows.add(row);
    }
    count++;
  }

  static Object normalize(Object v) {
    return switch (v) {
      case null -> null;
      case Long l -> l;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Byte b -> (long) b;
      case java.math.BigInteger b -> new BigDecimal(b);
      case Double d -> d;
      case Float f -> (double) f;
      case BigDecimal d -> d;
      case java.sql.Date d -> d.toLocalDate().toString();
      default -> v.toString();
    };
  }

  public long count() {
    return count;
  }

  /** True when every row is kept (not only the fingerprint). */
  public boolean complete() {
    return count <= KEEP;
  }

  public List<Object[]> rows() {
    return rows;
  }

  /** The rows in {@code order}, sorted once (the reference is compared with several results). */
  List<Object[]> sortedRows(java.util.Comparator<Object[]> order) {
    if (sorted == null) {
      sorted = new ArrayList<>(rows);
      sorted.sort(order);
    }
    return sorted;
  }

  int width() {
    return Math.max(width, 0);
  }

  double numberSum(int column) {
    return numberSums[column];
  }

  long textHash(int column) {
    return textHashes[column];
  }

  long nulls(int column) {
    return nulls[column];
  }

  /** The first row, shortened, for the report. */
  public String firstRow() {
    if (rows.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Object v : rows.getFirst()) {
      parts.add(String.valueOf(v));
    }
    String s = String.join("|", parts);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
