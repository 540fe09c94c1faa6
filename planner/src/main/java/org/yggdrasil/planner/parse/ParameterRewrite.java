package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL numbers its parameters ({@code $1}, {@code $2}, possibly repeated or out of
 * order); Calcite's are positional {@code ?} markers. This rewrite replaces each {@code $n} by a
 * {@code ?} padded to the same width (so error positions still point into the user's text) and
 * records which PostgreSQL parameter each marker stands for.
 *
 * @param sql the rewritten text
 * @param markerToParameter for each {@code ?} in order, the 0-based PostgreSQL parameter index
 * @param parameterCount the highest {@code $n} seen
 */
public record ParameterRewrite(String sql, int[] markerToParameter, int parameterCount) {

  public static ParameterRewrite of(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = null;
    List<Integer> markers = new ArrayList<>();
    int max = 0;
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.PARAMETER) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sql);
      }
      int n = Integer.parseInt(t.text().substring(1));
      markers.add(n - 1);
      max = Math.max(max, n);
      out.setCharAt(t.start(), '?');
      for (int i = t.start() + 1; i < t.end(); i++) {
        out.setCharAt(i, ' ');
      }
    }
    int[] m = markers.stream().mapToInt(Integer::intValue).toArray();
    return new ParameterRewrite(out == null ? sql : out.toString(), m, max);
  }
}
