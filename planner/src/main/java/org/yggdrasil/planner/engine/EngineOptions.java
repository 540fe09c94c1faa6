package org.yggdrasil.planner.engine;

import java.nio.file.Path;

/**
 * How the server's engine stores its databases.
 *
 * @param dataDirectory where database directories live; null with {@code inMemory}
 * @param inMemory keep everything in memory (tests, throwaway servers)
 * @param readOnly open an existing data directory without writing to it
 */
public record EngineOptions(Path dataDirectory, boolean inMemory, boolean readOnly) {
  public static EngineOptions memory() {
    return new EngineOptions(null, true, false);
  }
}
