package org.yggdrasil.storage.nativestore;

import java.util.List;

/**
 * What {@link NativeDatabase#verify()} checked: objects reachable from branch heads, tags and
 * head history, each read back with its checksum and content hash compared.
 */
public record VerifyReport(int commits, int tables, int chunks, long bytes, List<String> problems) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  @Override
  public String toString() {
    return (ok() ? "ok: " : problems.size() + " problem(s): ") + commits + " commits, " + tables + " tables, "
        + chunks + " chunks/vectors, " + bytes + " bytes checked" + (ok() ? "" : "\n  " + String.join("\n  ", problems));
  }
}
