package org.yggdrasil.accel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.yggdrasil.accel.agg.Aggregates;
import org.yggdrasil.accel.agg.Grouped;
import org.yggdrasil.accel.groupby.LongGroupTable;
import org.yggdrasil.accel.groupby.SortColumn;
import org.yggdrasil.accel.groupby.TopRows;
import org.yggdrasil.accel.kernels.Arith;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.accel.kernels.Filters;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.strings.LikePattern;
import org.yggdrasil.accel.strings.Utf8Length;

/**
 * Runs the main kernels on synthetic chunks once per JVM, in a low-priority background thread,
 * so that the JIT compiles their Vector API loops before the first analytical query needs them:
 * until C2 has compiled it, a vector loop runs interpreted and is far slower than a scalar one.
 * Disable with {@code -Dygg.warmup=false}.
 */
public final class KernelWarmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int ROWS = 1 << 16;
  private static final int ROUNDS = 400;

  private KernelWarmup() {}

  /** Checks the Vector API (warning once when it is missing) and warms its kernels up. */
  public static void startOnce() {
    if (!org.yggdrasil.accel.agg.VectorSupport.available()) {
      return;
    }
    if (!"false".equals(System.getProperty("ygg.warmup")) && STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(KernelWarmup::run, "ygg-kernel-warmup");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
    }
  }

  private static void run() {
    SplittableRandom random = new SplittableRandom(1);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment doubles = arena.allocate(8L * ROWS, 8);
      MemorySegment longs = arena.allocate(8L * ROWS, 8);
      MemorySegment ints = arena.allocate(4L * ROWS, 8);
      MemorySegment offsets = arena.allocate(4L * (ROWS + 1), 8);
      MemorySegment text = arena.allocate(8L * ROWS, 8);
      for (int i = 0; i < ROWS; i++) {
        doubles.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i, random.nextDouble() * 100);
        longs.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i, random.nextInt(1000));
        ints.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i, random.nextInt(100));
        offsets.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i, 8 * i);
        for (int b = 0; b < 8; b++) {
          text.set(ValueLayout.JAVA_BYTE, 8L * i + b, (byte) ('a' + random.nextInt(26)));
        }
      }
      offsets.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), ROWS, 8 * ROWS);
      long[] sel = new long[Bitmaps.words(ROWS)];
      long[] other = new long[Bitmaps.words(ROWS)];
      double[] work = new double[ROWS];
      double[] work2 = new double[ROWS];
      long[] lwork = new long[ROWS];
      int[] gids = new int[ROWS];
      double[] sums = new double[128];
      long[] counts = new long[128];
      LikePattern like = LikePattern.compile("%abc%", '\\', false);
      double sink = 0;
      // the store's chunks are heap segments over long[]: warm the top-n loop on those
      MemorySegment heapDoubles = MemorySegment.ofArray(new long[ROWS]);
      MemorySegment heapLongs = MemorySegment.ofArray(new long[ROWS]);
      MemorySegment.copy(doubles, 0, heapDoubles, 0, 8L * ROWS);
      MemorySegment.copy(longs, 0, heapLongs, 0, 8L * ROWS);
      SortColumn[] byDouble = {new SortColumn(heapDoubles, Lane.DOUBLE, null), new SortColumn(ints, Lane.INT, null)};
      SortColumn[] byLong = {new SortColumn(heapLongs, Lane.LONG, null)};
      for (int round = 0; round < ROUNDS; round++) {
        boolean[] direction = {round % 2 == 0, false};
        TopRows top = new TopRows(10, direction, direction);
        top.addValued(byDouble, ROWS, round % 3 == 0 ? null : sel, 0);
        top.addValued(byDouble, ROWS, null, ROWS);
        TopRows topLong = new TopRows(100, new boolean[] {round % 2 == 1}, new boolean[] {false});
        topLong.addValued(byLong, ROWS, null, 0);
        sink += top.size() + topLong.size();
        Filters.compareDouble(doubles, Lane.DOUBLE, ROWS, CmpOp.LT, 50, sel);
        Filters.betweenDouble(doubles, Lane.DOUBLE, ROWS, 10, 60, other);
        Bitmaps.and(sel, other, ROWS);
        Filters.compareLong(ints, Lane.INT, ROWS, CmpOp.GE, 20, other);
        Filters.compareLong(longs, Lane.LONG, ROWS, CmpOp.NE, 5, other);
        Bitmaps.and(sel, other, ROWS);
        sink += Aggregates.sumProduct(doubles, Lane.DOUBLE, doubles, Lane.DOUBLE, ROWS, sel);
        sink += Aggregates.sumDouble(doubles, Lane.DOUBLE, ROWS, round % 2 == 0 ? null : sel);
        sink += Aggregates.sumLong(ints, Lane.INT, ROWS, sel);
        sink += Aggregates.sumLong(longs, Lane.LONG, ROWS, null);
        Arith.loadDouble(doubles, Lane.DOUBLE, ROWS, work);
        Arith.constSub(1, work, work2, ROWS);
        Arith.mul(work, work2, work2, ROWS);
        sink += Aggregates.sumDouble(work2, ROWS, sel);
        Arith.loadLong(ints, Lane.INT, ROWS, lwork);
        for (int i = 0; i < ROWS; i++) {
          gids[i] = (int) lwork[i];
        }
        Grouped.count(gids, ROWS, null, counts);
        Grouped.sumDouble(gids, work, ROWS, sel, sums);
        like.filter(offsets, text, ROWS, other);
        sink += Utf8Length.sumChars(offsets, text, ROWS, null);
        if (round % 50 == 0) {
          new LongGroupTable().groupIds(ints, 4, ROWS, null, gids);
        }
      }
      if (sink == 42) {
        System.err.print("");
      }
    } catch (RuntimeException | LinkageError e) {
      // warming up is an optimisation; a kernel that fails here fails visibly in its own tests
    }
  }
}
