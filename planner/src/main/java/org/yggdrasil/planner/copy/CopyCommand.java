package org.yggdrasil.planner.copy;

import java.util.List;

/**
 * A parsed COPY statement. Exactly one of {@code table} and {@code query} is set.
 *
 * @param table the table copied from or to (unqualified name), or null for {@code COPY (query)}
 * @param columns the column list, or null for all columns
 * @param query the text of the query of {@code COPY (query) TO}, or null
 * @param from COPY FROM (else TO)
 * @param options the validated format options
 */
public record CopyCommand(
    String table, List<String> columns, String query, boolean from, CopyOptions options) {

  /** Parses the text of a COPY statement (PostgreSQL 15's grammar, old and new option forms). */
  public static CopyCommand parse(String sql) {
    return CopyCommandParser.parse(sql);
  }
}
