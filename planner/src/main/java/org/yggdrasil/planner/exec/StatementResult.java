package org.yggdrasil.planner.exec;

import java.util.List;

/**
 * What a one-step statement produced.
 *
 * @param tag the CommandComplete tag, e.g. {@code INSERT 0 3}
 * @param rows rows to return (canonical Java values), empty for most statements
 */
public record StatementResult(String tag, List<Object[]> rows) {
  public static StatementResult of(String tag) {
    return new StatementResult(tag, List.of());
  }
}
