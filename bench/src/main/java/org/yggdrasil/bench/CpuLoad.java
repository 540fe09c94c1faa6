package org.yggdrasil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the rest of the machine was while something ran: CPU time used by other processes
 * (busy and steal jiffies of all CPUs in /proc/stat, less this process's own from
 * /proc/self/stat), in cores. perf-anchors discarded runs above 0.15 of a core; this shared VM
 * rarely gets such quiet, so the bench reports the figure beside its timings instead.
 */
final class CpuLoad {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private final long startNanos;
  private final long startBusy;
  private final long startOwn;

  private CpuLoad(long startNanos, long startBusy, long startOwn) {
    this.startNanos = startNanos;
    this.startBusy = startBusy;
    this.startOwn = startOwn;
  }

  static CpuLoad start() {
    return new CpuLoad(System.nanoTime(), machineBusyTicks(), ownTicks());
  }

  /**
   * Other processes' average use since {@link #start()}, in cores; NaN where unknown, and for
   * spans under half a second, which the counters' 10 ms ticks cannot resolve.
   */
  double othersCores() {
    long busy = machineBusyTicks();
    long own = ownTicks();
    if (busy < 0 || own < 0 || startBusy < 0 || startOwn < 0) {
      return Double.NaN;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    if (seconds < 0.5) {
      return Double.NaN;
    }
    long others = Math.max(0, (busy - startBusy) - (own - startOwn));
    return others / TICKS_PER_SECOND / seconds;
  }

  /** user + nice + system + irq + softirq + steal of the "cpu" line, or -1. */
  private static long machineBusyTicks() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).getFirst();
      String[] f = line.trim().split("\\s+");
      return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
          + Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime of this process, or -1. */
  private static long ownTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
