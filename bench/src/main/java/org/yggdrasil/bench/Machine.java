package org.yggdrasil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  private static String cpuModel() {
    for (String line : lines("/proc/cpuinfo")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return System.getProperty("os.arch");
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
