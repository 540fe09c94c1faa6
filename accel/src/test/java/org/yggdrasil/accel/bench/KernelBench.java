package org.yggdrasil.accel.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.yggdrasil.accel.agg.Aggregates;
import org.yggdrasil.accel.agg.ScalarAggregates;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.accel.kernels.Filters;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;
import org.yggdrasil.accel.kernels.ScalarFilters;
import org.yggdrasil.accel.kernels.Species;

/**
 * Single-thread micro-benchmark of the hot kernels, vector against scalar, over 10M rows in
 * 65536-row chunks of native memory. Not a test: run by hand (see the report of issue 7) with
 * {@code java --add-modules jdk.incubator.vector -cp accel/target/classes:accel/target/test-classes
 * org.yggdrasil.accel.bench.KernelBench [rows]}. Prints the median of several timed runs after
 * warm-up, as GB/s of column bytes read, by wall-clock time and by the thread's CPU time.
 */
public final class KernelBench {
  private static final int CHUNK = 65536;
  /** CPU time as well as wall time: the machine is shared, and CPU time leaves out time spent descheduled. */
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private KernelBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    Arena arena = Arena.ofShared();
    // lineitem-like columns (perf-anchors §2a distributions), seed 42.
    MemorySegment price = arena.allocate(8L * rows, 64);
    MemorySegment disc = arena.allocate(8L * rows, 64);
    MemorySegment qty = arena.allocate(8L * rows, 64);
    MemorySegment ship = arena.allocate(4L * rows, 64);
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < rows; i++) {
      int orderOff = r.nextInt(2406);
      int shipOff = orderOff + 1 + r.nextInt(121);
      int q = 1 + r.nextInt(50);
      int partkey = 1 + r.nextInt(2_000_000);
      int d = r.nextInt(11);
      long retailCents = 90000 + (partkey / 10) % 20001 + 100L * (partkey % 1000);
      qty.setAtIndex(Layouts.DOUBLE, i, q);
      price.setAtIndex(Layouts.DOUBLE, i, q * retailCents / 100.0);
      disc.setAtIndex(Layouts.DOUBLE, i, d / 100.0);
      ship.setAtIndex(Layouts.INT, i, 8036 + shipOff); // days since 1970-01-01; 8036 = 1992-01-01
    }
    System.out.printf("rows=%d chunk=%d species: double %d lanes (%d bits)%n", rows, CHUNK, Species.DOUBLE.length(),
        Species.DOUBLE.vectorBitSize());

    // One L2-resident chunk summed rows/65536 times: the kernels' own speed, without DRAM.
    MemorySegment chunk = price.asSlice(0, 8L * CHUNK);
    int repeats = rows / CHUNK;
    run("sum(double) in cache   vector", 8.0 * CHUNK * repeats, () -> sumRepeated(chunk, repeats, true));
    run("sum(double) in cache   scalar", 8.0 * CHUNK * repeats, () -> sumRepeated(chunk, repeats, false));
    run("sum(double)            vector", 8.0 * rows, () -> sumDouble(price, rows, true));
    run("sum(double)            scalar", 8.0 * rows, () -> sumDouble(price, rows, false));
    run("disc<0.05 sum(p*d)     vector", 16.0 * rows, () -> filterSumProduct(price, disc, rows, true));
    run("disc<0.05 sum(p*d)     scalar", 16.0 * rows, () -> filterSumProduct(price, disc, rows, false));
    run("TPC-H Q6 (4 columns)   vector", 28.0 * rows, () -> q6(price, disc, qty, ship, rows, true));
    run("TPC-H Q6 (4 columns)   scalar", 28.0 * rows, () -> q6(price, disc, qty, ship, rows, false));
    arena.close();
  }

  private interface Kernel {
    double run();
  }

  private static void run(String name, double bytes, Kernel k) {
    double check = 0;
    for (int i = 0; i < 5; i++) {
      check = k.run();
    }
    int runs = 9;
    long[] ns = new long[runs];
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      double v = k.run();
      ns[i] = System.nanoTime() - t0;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
      if (Double.compare(v, check) != 0 && Math.abs(v - check) > 1e-9 * Math.abs(check)) {
        throw new AssertionError(name + ": result changed between runs");
      }
    }
    Arrays.sort(ns);
    Arrays.sort(cpu);
    double ms = ns[runs / 2] / 1e6;
    double cpuMs = cpu[runs / 2] / 1e6;
    System.out.printf("%-32s wall %8.2f ms %6.2f GB/s | cpu %8.2f ms %6.2f GB/s | result=%.6f%n", name, ms,
        bytes / (ms * 1e6), cpuMs, bytes / (cpuMs * 1e6), check);
  }

  private static double sumRepeated(MemorySegment chunk, int repeats, boolean vector) {
    double total = 0;
    for (int k = 0; k < repeats; k++) {
      total += vector ? Aggregates.sumDouble(chunk, Lane.DOUBLE, CHUNK, null)
          : ScalarAggregates.sumDouble(chunk, Lane.DOUBLE, CHUNK, null);
    }
    return total;
  }

  private static double sumDouble(MemorySegment col, int rows, boolean vector) {
    double total = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      int n = Math.min(CHUNK, rows - start);
      MemorySegment c = col.asSlice(8L * start, 8L * n);
      total += vector ? Aggregates.sumDouble(c, Lane.DOUBLE, n, null) : ScalarAggregates.sumDouble(c, Lane.DOUBLE, n, null);
    }
    return total;
  }

  private static double filterSumProduct(MemorySegment price, MemorySegment disc, int rows, boolean vector) {
    long[] sel = new long[Bitmaps.words(CHUNK)];
    double total = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      int n = Math.min(CHUNK, rows - start);
      MemorySegment p = price.asSlice(8L * start, 8L * n);
      MemorySegment d = disc.asSlice(8L * start, 8L * n);
      if (vector) {
        Filters.compareDouble(d, Lane.DOUBLE, n, CmpOp.LT, 0.05, sel);
        total += Aggregates.sumProduct(p, Lane.DOUBLE, d, Lane.DOUBLE, n, sel);
      } else {
        ScalarFilters.compareDouble(d, Lane.DOUBLE, n, CmpOp.LT, 0.05, sel);
        total += ScalarAggregates.sumProduct(p, Lane.DOUBLE, d, Lane.DOUBLE, n, sel);
      }
    }
    return total;
  }

  /** shipdate in [1994-01-01, 1995-01-01), discount between 0.05 and 0.07, quantity < 24: sum(price * discount). */
  private static double q6(MemorySegment price, MemorySegment disc, MemorySegment qty, MemorySegment ship, int rows,
      boolean vector) {
    long[] sel = new long[Bitmaps.words(CHUNK)];
    long[] tmp = new long[Bitmaps.words(CHUNK)];
    double total = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      int n = Math.min(CHUNK, rows - start);
      MemorySegment p = price.asSlice(8L * start, 8L * n);
      MemorySegment d = disc.asSlice(8L * start, 8L * n);
      MemorySegment q = qty.asSlice(8L * start, 8L * n);
      MemorySegment s = ship.asSlice(4L * start, 4L * n);
      if (vector) {
        Filters.betweenLong(s, Lane.INT, n, 8766, 9130, sel);
        Filters.betweenDouble(d, Lane.DOUBLE, n, 0.05, 0.07, tmp);
        Bitmaps.and(sel, tmp, n);
        Filters.compareDouble(q, Lane.DOUBLE, n, CmpOp.LT, 24, tmp);
        Bitmaps.and(sel, tmp, n);
        total += Aggregates.sumProduct(p, Lane.DOUBLE, d, Lane.DOUBLE, n, sel);
      } else {
        ScalarFilters.betweenLong(s, Lane.INT, n, 8766, 9130, sel);
        ScalarFilters.betweenDouble(d, Lane.DOUBLE, n, 0.05, 0.07, tmp);
        Bitmaps.and(sel, tmp, n);
        ScalarFilters.compareDouble(q, Lane.DOUBLE, n, CmpOp.LT, 24, tmp);
        Bitmaps.and(sel, tmp, n);
        total += ScalarAggregates.sumProduct(p, Lane.DOUBLE, d, Lane.DOUBLE, n, sel);
      }
    }
    return total;
  }
}
