package org.yggdrasil.pgwire.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the connection has learnt about how long its statements take, to decide which messages
 * may run directly on the Netty event loop instead of being handed to the connection's worker
 * thread (a hand-off costs two thread wake-ups, more than a primary-key lookup itself).
 *
 * <p>A statement the planner marks bounded becomes <em>quick</em> after {@link #STREAK}
 * consecutive runs that each took
 * less than {@link #QUICK_NANOS} (execution and the implicit commit at Sync) and returned at
 * most {@link #INLINE_ROWS} rows; one slower run makes it slow again. Inline runs stop after
 * {@link #INLINE_ROWS} rows and hand the rest of the result to the worker, which streams it
 * with backpressure — so even a misjudged statement never builds a large result in memory.
 *
 * <p>Extended-protocol statements are tracked per prepared statement; simple Query texts by
 * their {@linkplain #shape shape} (literals blanked), since clients such as {@code pgbench -M
 * simple} send the same statement with different literals.
 */
final class CostHistory {
  static final long QUICK_NANOS = 500_000;
  static final int STREAK = 3;
  static final int INLINE_ROWS = 64;
  private static final int MAX_SHAPES = 128;
  private static final int MAX_SHAPE_SOURCE = 4096;

  /** One statement's record. Touched by one thread at a time (event loop or worker). */
  static final class Stats {
    private int streak;
    private boolean bounded;

    /** Time and rows of the current implicit transaction, recorded at Sync. */
    long pendingNanos;

    long pendingRows;

    /**
     * Quick only when the planner vouches that the statement's work is bounded whatever its
     * parameters (PreparedStatement#bounded) and its recent runs were fast: history alone
     * cannot tell that {@code generate_series(1, $1)} may suddenly run for minutes.
     */
    boolean quick() {
      return bounded && streak >= STREAK;
    }

    boolean isBounded() {
      return bounded;
    }

    /** Records whether the statement(s) behind these stats are bounded by the planner's word. */
    void bounded(boolean value) {
      if (!value) {
        streak = 0;
      }
      bounded = value;
    }

    void record(long nanos, long rows) {
      if (nanos < QUICK_NANOS && rows <= INLINE_ROWS) {
        if (streak < STREAK) {
          streak++;
        }
      } else {
        streak = 0;
      }
    }

    void slow() {
      streak = 0;
    }
  }

  private final Map<String, Stats> shapes =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stats> eldest) {
          return size() > MAX_SHAPES;
        }
      };

  /** The record of a simple Query text, or null when the text is too long to track. */
  Stats forQuery(String sql) {
    String shape = shape(sql);
    return shape == null ? null : shapes.computeIfAbsent(shape, s -> new Stats());
  }

  /**
   * The text with numeric and quoted string literals blanked: {@code WHERE aid = 42} and
   * {@code WHERE aid = 7} have the same shape. Null for very long texts.
   */
  static String shape(String sql) {
    int n = sql.length();
    if (n > MAX_SHAPE_SOURCE) {
      return null;
    }
    StringBuilder b = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i++;
        while (i < n) {
          if (sql.charAt(i) == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        i++;
        b.append("'?'");
      } else if (c >= '0' && c <= '9' && (i == 0 || !identifierPart(sql.charAt(i - 1)))) {
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        b.append('0');
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static boolean identifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"';
  }
}
