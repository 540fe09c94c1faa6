package org.yggdrasil.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * TPC-H-like lineitem, one line per order (perf-anchors §2a, seed 42): dbgen's distributions
 * for dates, quantity, part price, discount and tax; the flags follow from the dates.
 */
public final class LineitemData implements TableData {
  static final long SEED = 42L;
  private static final int START = (int) LocalDate.of(1992, 1, 1).toEpochDay();
  private static final int ORDER_SPAN = (int) (LocalDate.of(1998, 8, 2).toEpochDay() - START);
  private static final int CURRENT = (int) LocalDate.of(1995, 6, 17).toEpochDay();

  @Override
  public List<String> columns() {
    return List.of("l_quantity", "l_extendedprice", "l_discount", "l_tax", "l_returnflag",
        "l_linestatus", "l_shipdate");
  }

  @Override
  public void generate(int rows, char d, LineSink sink) {
    SplittableRandom r = new SplittableRandom(SEED);
    String[] dates = new String[ORDER_SPAN + 200];
    for (int i = 0; i < dates.length; i++) {
      dates[i] = LocalDate.ofEpochDay(START + i).toString();
    }
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < rows; i++) {
      // The draw order is part of the specification.
      int orderOff = r.nextInt(ORDER_SPAN + 1);
      int shipOff = orderOff + 1 + r.nextInt(121);
      int receiptOff = shipOff + 1 + r.nextInt(30);
      int qty = 1 + r.nextInt(50);
      int partkey = 1 + r.nextInt(2_000_000);
      int disc = r.nextInt(11);
      int tax = r.nextInt(9);
      boolean rBit = r.nextBoolean();
      long retailCents = 90000 + ((partkey / 10) % 20001) + 100L * (partkey % 1000);
      char returnFlag = START + receiptOff <= CURRENT ? (rBit ? 'R' : 'A') : 'N';
      char lineStatus = START + shipOff > CURRENT ? 'O' : 'F';
      sb.setLength(0);
      sb.append(qty).append(d);
      TableData.fixed(sb, qty * retailCents, 2);
      sb.append(d);
      TableData.fixed(sb, disc, 2);
      sb.append(d);
      TableData.fixed(sb, tax, 2);
      sb.append(d).append(returnFlag).append(d).append(lineStatus).append(d)
          .append(dates[shipOff]).append('\n');
      sink.line(sb);
    }
  }
}
