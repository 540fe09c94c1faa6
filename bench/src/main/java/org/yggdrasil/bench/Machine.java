package org.yggdrasil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The machine a run was on, for the report: CPU, cores, memory, JDK, DuckDB. */
final class Machine {
  private Machine() {}

  static String describe(String duckVersion) {
    return "CPU: " + cpuModel() + "; cores: " + Options.cores() + "; memory: " + memory()
        + "\nJDK: " + System.getProperty("java.vm.vendor") + " "
        + System.getProperty("java.runtime.version") + "; max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; Vector API: " + vectorApi()
        + "\nDuckDB: " + duckVersion + " (org.duckdb:duckdb_jdbc)";
  }

  /** e.g. {@code AMD EPYC (family 25 model 17, avx2 avx512f)}: the name hides the generation. */
  private static String cpuModel() {
    String name = null;
    String family = null;
    String model = null;
    String simd = "";
    for (String line : lines("/proc/cpuinfo")) {
      String value = line.substring(line.indexOf(':') + 1).trim();
      if (name == null && line.startsWith("model name")) {
        name = value;
      } else if (family == null && line.startsWith("cpu family")) {
        family = value;
      } else if (model == null && line.matches("model\\s*:.*")) {
        model = value;
      } else if (simd.isEmpty() && line.startsWith("flags")) {
        List<String> flags = List.of(value.split(" "));
        simd = String.join(" ", Stream.of("avx2", "avx512f").filter(flags::contains).toList());
      }
    }
    if (name == null) {
      return System.getProperty("os.arch");
    }
    return name + " (family " + family + " model " + model + (simd.isEmpty() ? "" : ", " + simd)
        + ")";
  }

  private static String memory() {
    for (String line : lines("/proc/meminfo")) {
      if (line.startsWith("MemTotal:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
      }
    }
    return "unknown";
  }

  private static String vectorApi() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "yes" : "no";
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
