package org.yggdrasil.pgwire.it.memtest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.tables.SystemFactory;

/**
 * FOREIGN DATA WRAPPER {@code memtest}: a small in-memory branchable system for the tests of
 * attached systems. Options: {@code path} (required; names the store), {@code rows} (initial
 * names, comma separated, ids 1…n), {@code fail_on} (a commit staging a row with this name
 * fails, to test composite rollback), {@code readonly} ('true': the table takes no writes).
 */
public final class MemtestSystemFactory implements SystemFactory {
  private static final Set<String> OPTIONS = Set.of("path", "rows", "fail_on", "readonly");

  @Override
  public String wrapper() {
    return "memtest";
  }

  @Override
  public VersionedSystem open(String systemId, Map<String, String> options, Path stateDir) {
    for (String key : options.keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new SqlStateException(SqlState.SYNTAX_ERROR, "invalid option \"" + key + "\"");
      }
    }
    String path = options.get("path");
    if (path == null) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "memtest needs option \"path\"");
    }
    String rows = options.getOrDefault("rows", "");
    List<String> names = rows.isEmpty() ? List.of() : Arrays.asList(rows.split(","));
    MemStore store = MemStore.at(path, names);
    try { // shows the tests where the server put this system's state
      java.nio.file.Files.writeString(stateDir.resolve("memtest-" + path), systemId);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new MemtestSystem(store, systemId, "main", null, options.get("fail_on"),
        "true".equals(options.get("readonly")));
  }
}
