package org.yggdrasil.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yggdrasil.slt.Failure.Category;

/**
 * Runs one sqllogictest file record by record over one JDBC connection to a fresh database. Does
 * not adapt SQL or results to the server: what the server answers is what gets compared.
 */
public final class SltRunner {
  /**
   * The engine name the corpus uses for PostgreSQL's variants; {@code skipif}/{@code onlyif}
   * match it on every target. Yggdrasil also answers to {@link #YGGDRASIL} (see {@link
   * Target#engines}), so that our own files can mark records {@code onlyif yggdrasil}.
   */
  public static final String ENGINE = "postgresql";

  public static final String YGGDRASIL = "yggdrasil";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final Pattern HASH_LINE = Pattern.compile("\\d+ values hashing to [0-9a-f]{32}");

  private final Target target;
  private final SkipList skips;
  private final int timeoutSeconds;
  private int maxRecords;
  private int maxQueries;
  private java.util.function.Predicate<String> capped = file -> true;

  public SltRunner(Target target, SkipList skips, int timeoutSeconds) {
    this.target = target;
    this.skips = skips;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Runs only the first {@code n} statement and query records of each file (0: all). */
  public SltRunner limit(int n) {
    this.maxRecords = n;
    return this;
  }

  /**
   * Stops each file before its first query record after the {@code n}-th (0: no limit); the
   * statements before it all run, so a sample of a large file keeps its setup.
   */
  public SltRunner maxQueries(int n) {
    return maxQueries(n, file -> true);
  }

  /** As {@link #maxQueries(int)}, for the files that {@code capped} accepts only. */
  public SltRunner maxQueries(int n, java.util.function.Predicate<String> capped) {
    this.maxQueries = n;
    this.capped = capped;
    return this;
  }

  public FileResult run(String file, String text) {
    long start = System.nanoTime();
    List<SltRecord> records;
    try {
      records = SltParser.parse(file, text);
    } catch (RuntimeException e) {
      return new FileResult(file, 0, 0, 0, 0, 0, List.of(), "cannot parse file: " + e.getMessage());
    }
    int total = 0;
    int passed = 0;
    int skipped = 0;
    int queries = 0;
    int queryCap = capped.test(file) ? maxQueries : 0;
    List<Failure> failures = new ArrayList<>();
    String fatal = null;
    Target.Database db = null;
    Connection conn = null;
    try {
      db = target.open(file);
      conn = db.connect();
      int hashThreshold = 0;
      Map<String, String> labels = new HashMap<>();
      Map<String, String> variables = new HashMap<>();
      java.util.Set<String> engines = target.engines();
      for (SltRecord r : records) {
        boolean applies = applies(r, engines);
        if (r instanceof SltRecord.Halt) {
          if (applies) {
            break;
          }
          continue;
        }
        if (r instanceof SltRecord.HashThreshold h) {
          if (applies) {
            hashThreshold = h.threshold();
          }
          continue;
        }
        if (maxRecords > 0 && total >= maxRecords) {
          break;
        }
        if (r instanceof SltRecord.Query && queryCap > 0 && queries++ >= queryCap) {
          break;
        }
        total++;
        String sql =
            switch (r) {
              case SltRecord.Statement s -> s.sql();
              case SltRecord.Query q -> q.sql();
              case SltRecord.Let l -> l.sql();
              default -> throw new IllegalStateException();
            };
        if (!applies || skips.reason(file, r.line(), sql) != null) {
          skipped++;
          continue;
        }
        if (conn == null || conn.isClosed()) {
          conn = db.connect();
        }
        Failure f;
        try {
          f =
              switch (r) {
                case SltRecord.Statement s -> runStatement(file, conn, substitute(s, variables));
                case SltRecord.Query q ->
                    runQuery(file, conn, substitute(q, variables), hashThreshold, labels);
                case SltRecord.Let l -> runLet(file, conn, l, variables);
                default -> throw new IllegalStateException();
              };
        } catch (UndefinedVariable e) {
          f = new Failure(file, r.line(), Category.ERROR_MISMATCH, e.getMessage(), sql, e.getMessage());
        }
        if (f == null) {
          passed++;
        } else {
          failures.add(f);
          if (f.category() == Category.TIMEOUT && !alive(conn)) {
            closeQuietly(conn);
            conn = null;
          }
        }
      }
    } catch (Exception e) {
      fatal = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      closeQuietly(conn);
      if (db != null) {
        try {
          db.close();
        } catch (RuntimeException | Error e) {
          fatal = (fatal == null ? "" : fatal + "; ") + "closing the database: " + e;
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new FileResult(
        file, total, passed, failures.size(), skipped, millis, List.copyOf(failures), fatal);
  }

  /**
   * Runs files on {@code jobs} threads (each file in its own fresh database) and hands each
   * result to {@code progress} in the order of {@code sources}, as soon as it and all before it
   * are done. Returns the results in that order.
   */
  public List<FileResult> runAll(
      List<Corpus.Source> sources, int jobs, java.util.function.Consumer<FileResult> progress) {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Math.min(jobs, sources.size())),
            r -> {
              Thread t = new Thread(r, "slt-file");
              t.setDaemon(true);
              return t;
            });
    try {
      List<java.util.concurrent.Future<FileResult>> futures = new ArrayList<>();
      for (Corpus.Source s : sources) {
        futures.add(pool.submit(() -> run(s.name(), s.text())));
      }
      List<FileResult> out = new ArrayList<>();
      for (var f : futures) {
        FileResult r;
        try {
          r = f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
        out.add(r);
        progress.accept(r);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Whether the record's skipif/onlyif conditions let it run on an engine with these names. */
  static boolean applies(SltRecord r, java.util.Set<String> engines) {
    for (SltRecord.Condition c : r.conditions()) {
      boolean us = engines.contains(c.engine().toLowerCase(Locale.ROOT));
      if (c.skip() == us) {
        return false;
      }
    }
    return true;
  }

  /** A {@code ${NAME}} with no earlier {@code let NAME}: the file is wrong, not the server. */
  private static final class UndefinedVariable extends RuntimeException {
    UndefinedVariable(String name) {
      super("undefined variable ${" + name + "}: no earlier 'let " + name + "' ran");
    }
  }

  /** Replaces every {@code ${NAME}} with the value an earlier {@code let NAME} captured. */
  static String substitute(String text, Map<String, String> variables) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    java.util.regex.Matcher m = VARIABLE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) {
        throw new UndefinedVariable(m.group(1));
      }
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static SltRecord.Statement substitute(SltRecord.Statement s, Map<String, String> vars) {
    return new SltRecord.Statement(
        s.line(), s.conditions(), s.expectError(), s.expectedState(), substitute(s.sql(), vars));
  }

  private static SltRecord.Query substitute(SltRecord.Query q, Map<String, String> vars) {
    List<String> expected = q.expected();
    if (expected != null) {
      expected = expected.stream().map(e -> substitute(e, vars)).toList();
    }
    return new SltRecord.Query(
        q.line(), q.conditions(), q.types(), q.sort(), q.label(), substitute(q.sql(), vars),
        expected);
  }

  /** {@code let NAME}: one row of one column, bound as text (NULL is an error). */
  private Failure runLet(
      String file, Connection conn, SltRecord.Let l, Map<String, String> variables) {
    String sql = substitute(l.sql(), variables);
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(timeoutSeconds);
      String value = null;
      int rows = 0;
      int columns = 0;
      if (st.execute(sql)) {
        try (ResultSet rs = st.getResultSet()) {
          columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            rows++;
            value = rs.getString(1);
          }
        }
      }
      if (rows != 1 || columns != 1 || value == null) {
        return new Failure(
            file,
            l.line(),
            Category.WRONG_RESULT,
            "let needs one non-null value",
            sql,
            "got " + rows + " row(s) of " + columns + " column(s)" + (rows == 1 ? ": " + value : ""));
      }
      variables.put(l.name(), value);
      return null;
    } catch (SQLException e) {
      return fromException(file, l.line(), sql, e);
    }
  }

  private Failure runStatement(String file, Connection conn, SltRecord.Statement s) {
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(timeoutSeconds);
      st.execute(s.sql());
      if (s.expectError()) {
        return new Failure(
            file,
            s.line(),
            Category.ERROR_MISMATCH,
            "expected an error, the statement succeeded",
            s.sql(),
            "statement succeeded");
      }
      return null;
    } catch (SQLException e) {
      if (s.expectError()) {
        if (s.expectedState() == null || s.expectedState().equals(e.getSQLState())) {
          return null;
        }
        return new Failure(
            file,
            s.line(),
            Category.ERROR_MISMATCH,
            "expected SQLSTATE " + s.expectedState() + ", got " + e.getSQLState(),
            s.sql(),
            e.getSQLState() + " " + firstLine(e.getMessage()));
      }
      return fromException(file, s.line(), s.sql(), e);
    }
  }

  private Failure runQuery(
      String file,
      Connection conn,
      SltRecord.Query q,
      int hashThreshold,
      Map<String, String> labels) {
    List<String> values = new ArrayList<>();
    int columns;
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(timeoutSeconds);
      if (!st.execute(q.sql())) {
        return new Failure(
            file,
            q.line(),
            Category.ERROR_MISMATCH,
            "query returned no result set",
            q.sql(),
            "no result set");
      }
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        columns = md.getColumnCount();
        if (columns != q.types().length()) {
          return new Failure(
              file,
              q.line(),
              Category.WRONG_RESULT,
              "wrong column count",
              q.sql(),
              "expected " + q.types().length() + " columns, got " + columns);
        }
        int[] sqlTypes = new int[columns];
        for (int i = 0; i < columns; i++) {
          sqlTypes[i] = md.getColumnType(i + 1);
        }
        while (rs.next()) {
          for (int i = 0; i < columns; i++) {
            values.add(SltValues.format(q.types().charAt(i), sqlTypes[i], rs.getString(i + 1)));
          }
        }
      }
    } catch (SQLException e) {
      return fromException(file, q.line(), q.sql(), e);
    }
    sort(values, columns, q.sort());
    if (q.label() != null) {
      String hash = SltValues.md5(values);
      String before = labels.putIfAbsent(q.label(), hash);
      if (before != null && !before.equals(hash) && q.expected() == null) {
        return new Failure(
            file,
            q.line(),
            Category.WRONG_RESULT,
            "result differs from an earlier query with the same label",
            q.sql(),
            "label " + q.label());
      }
    }
    if (q.expected() == null) {
      return null;
    }
    List<String> expected = q.expected();
    boolean hashed = hashThreshold > 0 && values.size() > hashThreshold;
    if (expected.size() == 1 && HASH_LINE.matcher(expected.get(0)).matches()) {
      String actual = SltValues.hashLine(values);
      if (actual.equals(expected.get(0))) {
        return null;
      }
      int expectedCount = Integer.parseInt(expected.get(0).substring(0, expected.get(0).indexOf(' ')));
      return new Failure(
          file,
          q.line(),
          Category.WRONG_RESULT,
          expectedCount == values.size() ? "wrong values" : "wrong row count",
          q.sql(),
          "expected " + expected.get(0) + ", got " + actual + " " + preview(values));
    }
    if (!hashed && expected.equals(values)) {
      return null;
    }
    if (!hashed && columns > 1 && expected.equals(rows(values, columns))) {
      return null; // one row per line, values separated by spaces
    }
    return new Failure(
        file,
        q.line(),
        Category.WRONG_RESULT,
        expected.size() == values.size() ? "wrong values" : "wrong row count",
        q.sql(),
        "expected " + expected.size() + " values " + preview(expected) + ", got " + values.size()
            + " " + preview(values));
  }

  private static String preview(List<String> values) {
    int n = Math.min(values.size(), 12);
    String s = String.join(" ", values.subList(0, n));
    return "[" + s + (values.size() > n ? " …]" : "]");
  }

  private static List<String> rows(List<String> values, int columns) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + columns <= values.size(); i += columns) {
      out.add(String.join(" ", values.subList(i, i + columns)));
    }
    return out;
  }

  static void sort(List<String> values, int columns, SltRecord.SortMode mode) {
    switch (mode) {
      case NOSORT -> {}
      case VALUESORT -> values.sort(Comparator.naturalOrder());
      case ROWSORT -> {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i + columns <= values.size(); i += columns) {
          rows.add(new ArrayList<>(values.subList(i, i + columns)));
        }
        rows.sort(
            (a, b) -> {
              for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                  return c;
                }
              }
              return 0;
            });
        values.clear();
        rows.forEach(values::addAll);
      }
    }
  }

  static Failure fromException(String file, int line, String sql, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = firstLine(e.getMessage());
    Category category;
    if (state.equals("42601")) {
      category = Category.PARSE_ERROR;
    } else if (state.equals("0A000")
        || message.toLowerCase(Locale.ROOT).contains("not supported")
        || message.toLowerCase(Locale.ROOT).contains("unsupported")) {
      category = Category.UNSUPPORTED;
    } else if (state.equals("57014")) {
      category = Category.TIMEOUT;
    } else if (state.startsWith("XX") || state.isEmpty() || state.startsWith("08")) {
      category = Category.INTERNAL_ERROR;
    } else {
      category = Category.ERROR_MISMATCH;
    }
    String cause = (state.isEmpty() ? "" : state + " ") + normalize(message);
    return new Failure(file, line, category, cause, sql, (state.isEmpty() ? "" : state + " ") + message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    if (m.startsWith("ERROR: ")) {
      m = m.substring(7);
    }
    return m;
  }

  /** Blanks out literals, names in quotes and numbers so that one bug gives one group. */
  static String normalize(String message) {
    String m = message.replaceAll("^From line \\d+, column \\d+ to line \\d+, column \\d+: ", "");
    m = m.replaceAll("'[^']*'", "'…'");
    m = m.replaceAll("\"[^\"]*\"", "\"…\"");
    m = m.replaceAll("\\d+(\\.\\d+)?", "N");
    return m.length() > 140 ? m.substring(0, 140) + "…" : m;
  }

  private static boolean alive(Connection c) {
    try {
      return c != null && c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the connection is gone either way
      }
    }
  }
}
