package org.yggdrasil.pgwire.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.StartupParameters;
import org.yggdrasil.planner.session.TransactionStatus;

/**
 * A fake session with a tiny statement language (case-insensitive):
 *
 * <pre>
 *   select N          one int4 row N                       (tag SELECT 1)
 *   rows N            int4 column n = 1..N, suspendable    (tag SELECT N)
 *   wide N W          N rows (n int4, payload text of W chars); counts rows produced
 *   echo $1 $2 ...    one row with the bound parameters, typed as declared (0 -> text)
 *   types             one row with a value of every common type
 *   sleep             blocks until cancelled, then 57014
 *   error CODE        prepare fails with SQLSTATE CODE
 *   boom              execute throws IllegalStateException (not a SqlStateException)
 *   deep              execute recurses until StackOverflowError
 *   begin | commit | rollback | insert | set NAME = VALUE | set NAME to VALUE
 *   (blank or -- comment)   an empty statement
 * </pre>
 *
 * Multiple statements are separated by ';'. Everything it is asked is recorded for assertions.
 */
public final class FakeSession implements Session {
  private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");

  private final int pid;
  private final int key;
  public final StartupParameters startup;
  public final List<String> prepared = java.util.Collections.synchronizedList(new ArrayList<>());
  public final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
  public final AtomicInteger syncs = new AtomicInteger();
  public final AtomicInteger cancels = new AtomicInteger();
  public final AtomicLong rowsProduced = new AtomicLong();
  public final AtomicInteger openPortals = new AtomicInteger();
  public final AtomicInteger openStatements = new AtomicInteger();
  public final CountDownLatch closedLatch = new CountDownLatch(1);
  public volatile boolean closed;
  public volatile boolean failNextSync;
  private final Map<String, String> changes = new LinkedHashMap<>();
  private volatile CountDownLatch cancelLatch = new CountDownLatch(1);
  private TransactionStatus status = TransactionStatus.IDLE;

  FakeSession(int pid, int key, StartupParameters startup) {
    this.pid = pid;
    this.key = key;
    this.startup = startup;
  }

  @Override
  public int processId() {
    return pid;
  }

  @Override
  public int secretKey() {
    return key;
  }

  @Override
  public Map<String, String> reportedParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("application_name", startup.values().getOrDefault("application_name", ""));
    p.put("client_encoding", "UTF8");
    p.put("DateStyle", "ISO, MDY");
    p.put("integer_datetimes", "on");
    p.put("IntervalStyle", "postgres");
    p.put("is_superuser", "on");
    p.put("server_encoding", "UTF8");
    p.put("server_version", "15.0 (Yggdrasil fake)");
    p.put("session_authorization", startup.user());
    p.put("standard_conforming_strings", "on");
    p.put("TimeZone", startup.values().getOrDefault("TimeZone", "UTC"));
    return p;
  }

  @Override
  public synchronized Map<String, String> takeParameterChanges() {
    Map<String, String> c = new LinkedHashMap<>(changes);
    changes.clear();
    return c;
  }

  @Override
  public List<String> splitStatements(String sql) {
    List<String> out = new ArrayList<>();
    for (String part : sql.split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  @Override
  public PreparedStatement prepare(String sql, int[] parameterTypes) {
    prepared.add(sql);
    String s = sql.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    if (status == TransactionStatus.FAILED && !lower.equals("rollback")
        && !lower.equals("commit")) {
      throw fail(new SqlStateException(SqlState.IN_FAILED_SQL_TRANSACTION,
          "current transaction is aborted, commands ignored until end of transaction block"));
    }
    String[] words = lower.isEmpty() ? new String[0] : lower.split("\\s+");
    if (words.length == 0 || lower.startsWith("--")) {
      return new Stmt(new int[0], List.of(), true, null);
    }
    return switch (words[0]) {
      case "select" -> {
        int n = Integer.parseInt(words[1]);
        yield rows(List.of(ResultColumn.computed("?column?", PgOid.INT4)),
            List.<Object[]>of(new Object[] {n}), "SELECT 1");
      }
      case "rows" -> {
        long n = Long.parseLong(words[1]);
        yield new Stmt(new int[0], List.of(ResultColumn.computed("n", PgOid.INT4)), false,
            params -> new Generated(n, 0));
      }
      case "wide" -> {
        long n = Long.parseLong(words[1]);
        int width = Integer.parseInt(words[2]);
        yield new Stmt(new int[0],
            List.of(ResultColumn.computed("n", PgOid.INT4),
                ResultColumn.computed("payload", PgOid.TEXT)),
            false, params -> new Generated(n, width));
      }
      case "echo" -> echo(s, parameterTypes);
      case "types" -> types();
      case "sleep" -> new Stmt(new int[0], List.of(), false, params -> new Sleeper());
      case "error" -> {
        String code = words[1].toUpperCase(Locale.ROOT);
        SqlState state = Arrays.stream(SqlState.values()).filter(x -> x.code().equals(code))
            .findFirst().orElse(SqlState.INTERNAL_ERROR);
        throw fail(new SqlStateException(state, "fake error " + code, "some detail",
            "some hint", 3, null));
      }
      case "boom" -> new Stmt(new int[0], List.of(), false, params -> new Boom());
      case "deep" -> new Stmt(new int[0], List.of(), false, params -> new Deep());
      case "begin" -> command("BEGIN", () -> status = TransactionStatus.IN_TRANSACTION);
      case "commit" -> command(status == TransactionStatus.FAILED ? "ROLLBACK" : "COMMIT",
          () -> status = TransactionStatus.IDLE);
      case "rollback" -> command("ROLLBACK", () -> status = TransactionStatus.IDLE);
      case "insert" -> command("INSERT 0 1", () -> { });
      case "set" -> {
        String[] parts = s.substring(3).strip().split("\\s*(=|\\s+to\\s+)\\s*", 2);
        String value = parts[1].replace("'", "");
        yield command("SET", () -> {
          synchronized (this) {
            changes.put(parts[0], value);
          }
        });
      }
      default -> throw fail(new SqlStateException(SqlState.SYNTAX_ERROR,
          "syntax error at or near \"" + words[0] + "\"", null, null, 1, null));
    };
  }

  private Stmt echo(String sql, int[] declared) {
    Matcher m = PARAM.matcher(sql);
    int count = 0;
    while (m.find()) {
      count = Math.max(count, Integer.parseInt(m.group(1)));
    }
    int[] types = new int[count];
    List<ResultColumn> columns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      types[i] = i < declared.length && declared[i] != 0 ? declared[i] : PgOid.TEXT;
      columns.add(ResultColumn.computed("p" + (i + 1), types[i]));
    }
    return new Stmt(types, columns, false,
        params -> new Fixed(List.<Object[]>of(params.clone()), "SELECT 1"));
  }

  private Stmt types() {
    List<ResultColumn> cols = List.of(
        ResultColumn.computed("i4", PgOid.INT4),
        ResultColumn.computed("i8", PgOid.INT8),
        ResultColumn.computed("t", PgOid.TEXT),
        ResultColumn.computed("num", PgOid.NUMERIC),
        ResultColumn.computed("b", PgOid.BOOL),
        ResultColumn.computed("d", PgOid.DATE),
        ResultColumn.computed("ts", PgOid.TIMESTAMP),
        ResultColumn.computed("tstz", PgOid.TIMESTAMPTZ),
        ResultColumn.computed("u", PgOid.UUID),
        ResultColumn.computed("bytes", PgOid.BYTEA),
        ResultColumn.computed("f8", PgOid.FLOAT8),
        ResultColumn.computed("arr", PgOid.INT4_ARRAY),
        ResultColumn.computed("tarr", PgOid.TEXT_ARRAY),
        ResultColumn.computed("nothing", PgOid.TEXT));
    Object[] row = {
      42, 9_000_000_000L, "héllo", new BigDecimal("-12.345"), true,
      LocalDate.of(2026, 11, 25), LocalDateTime.of(2026, 11, 25, 10, 11, 12, 123_456_000),
      OffsetDateTime.of(2026, 11, 25, 10, 11, 12, 0, ZoneOffset.ofHours(2)),
      UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new byte[] {1, 2, (byte) 0xff},
      0.1, List.of(1, 2, 3), Arrays.asList("a b", null, "c"), null
    };
    return rows(cols, List.<Object[]>of(row), "SELECT 1");
  }

  private Stmt rows(List<ResultColumn> columns, List<Object[]> rows, String tag) {
    return new Stmt(new int[0], columns, false, params -> new Fixed(rows, tag));
  }

  private Stmt command(String tag, Runnable effect) {
    return new Stmt(new int[0], List.of(), false, params -> new Command(tag, effect));
  }

  private RuntimeException fail(RuntimeException e) {
    statementFailedInternal(e);
    return e;
  }

  @Override
  public void statementFailed(RuntimeException error) {
    failures.add(error);
    statementFailedInternal(error);
  }

  private void statementFailedInternal(RuntimeException error) {
    if (status == TransactionStatus.IN_TRANSACTION) {
      status = TransactionStatus.FAILED;
    }
  }

  @Override
  public void sync() {
    syncs.incrementAndGet();
    if (failNextSync) {
      failNextSync = false;
      throw new SqlStateException(SqlState.SERIALIZATION_FAILURE,
          "could not serialize access due to concurrent update");
    }
  }

  @Override
  public TransactionStatus transactionStatus() {
    return status;
  }

  @Override
  public void cancel() {
    cancels.incrementAndGet();
    cancelLatch.countDown();
  }

  @Override
  public void close() {
    closed = true;
    closedLatch.countDown();
  }

  // ---- statements and portals ----

  interface PortalFactory {
    BasePortal bind(Object[] params);
  }

  final class Stmt implements PreparedStatement {
    private final int[] types;
    private final List<ResultColumn> columns;
    private final boolean empty;
    private final PortalFactory factory;

    Stmt(int[] types, List<ResultColumn> columns, boolean empty, PortalFactory factory) {
      this.types = types;
      this.columns = columns;
      this.empty = empty;
      this.factory = factory;
      openStatements.incrementAndGet();
    }

    @Override
    public int[] parameterTypes() {
      return types.clone();
    }

    @Override
    public List<ResultColumn> resultColumns() {
      return columns;
    }

    @Override
    public boolean isEmpty() {
      return empty;
    }

    @Override
    public Portal bind(Object[] parameters) {
      if (parameters.length != types.length) {
        throw new IllegalArgumentException("wrong parameter count");
      }
      openPortals.incrementAndGet();
      BasePortal portal = factory.bind(parameters);
      portal.columns = columns;
      return portal;
    }

    @Override
    public void close() {
      openStatements.decrementAndGet();
    }
  }

  abstract class BasePortal implements Portal {
    private boolean closedPortal;
    private List<ResultColumn> columns = List.of();

    @Override
    public List<ResultColumn> resultColumns() {
      return columns;
    }

    @Override
    public void close() {
      if (!closedPortal) {
        closedPortal = true;
        openPortals.decrementAndGet();
      }
    }

    void checkCancel() {
      if (cancelLatch.getCount() == 0) {
        cancelLatch = new CountDownLatch(1);
        throw cancelled();
      }
    }
  }

  private static SqlStateException cancelled() {
    return new SqlStateException(SqlState.QUERY_CANCELED,
        "canceling statement due to user request");
  }

  private final class Fixed extends BasePortal {
    private final List<Object[]> rows;
    private final String tag;
    private int next;

    Fixed(List<Object[]> rows, String tag) {
      this.rows = rows;
      this.tag = tag;
    }

    @Override
    public boolean execute(int maxRows, RowSink sink) {
      int sent = 0;
      while (next < rows.size()) {
        if (maxRows > 0 && sent == maxRows) {
          return false;
        }
        sink.row(rows.get(next++));
        sent++;
      }
      return true;
    }

    @Override
    public String commandTag() {
      return tag;
    }
  }

  private final class Generated extends BasePortal {
    private final long total;
    private final int width;
    private long next = 1;

    Generated(long total, int width) {
      this.total = total;
      this.width = width;
    }

    @Override
    public boolean execute(int maxRows, RowSink sink) {
      String payload = width > 0 ? "x".repeat(width) : null;
      int sent = 0;
      while (next <= total) {
        if (maxRows > 0 && sent == maxRows) {
          return false;
        }
        checkCancel();
        rowsProduced.incrementAndGet();
        sink.row(width > 0 ? new Object[] {(int) next, payload} : new Object[] {(int) next});
        next++;
        sent++;
      }
      return true;
    }

    @Override
    public String commandTag() {
      return "SELECT " + total;
    }
  }

  private final class Sleeper extends BasePortal {

    @Override
    public boolean execute(int maxRows, RowSink sink) {
      try {
        if (!cancelLatch.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("sleep was never cancelled");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      cancelLatch = new CountDownLatch(1);
      throw cancelled();
    }

    @Override
    public String commandTag() {
      return "SLEEP";
    }
  }

  private final class Boom extends BasePortal {

    @Override
    public boolean execute(int maxRows, RowSink sink) {
      throw new IllegalStateException("boom");
    }

    @Override
    public String commandTag() {
      return "BOOM";
    }
  }

  private final class Deep extends BasePortal {
    @Override
    public boolean execute(int maxRows, RowSink sink) {
      return depth(0) > 0;
    }

    private int depth(int n) {
      return depth(n + 1) + 1;
    }

    @Override
    public String commandTag() {
      return "DEEP";
    }
  }

  private final class Command extends BasePortal {
    private final String tag;
    private final Runnable effect;

    Command(String tag, Runnable effect) {
      this.tag = tag;
      this.effect = effect;
    }

    @Override
    public boolean execute(int maxRows, RowSink sink) {
      effect.run();
      return true;
    }

    @Override
    public String commandTag() {
      return tag;
    }
  }
}
