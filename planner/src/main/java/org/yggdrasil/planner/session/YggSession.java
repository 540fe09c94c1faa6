package org.yggdrasil.planner.session;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.copy.CopyCommand;
import org.yggdrasil.planner.copy.CopyFromPortal;
import org.yggdrasil.planner.copy.CopyFromStdin;
import org.yggdrasil.planner.copy.CopyTarget;
import org.yggdrasil.planner.copy.CopyToPortal;
import org.yggdrasil.planner.copy.CopyToQuery;
import org.yggdrasil.planner.copy.TableRowsPortal;
import org.yggdrasil.planner.exec.CompiledQuery;
import org.yggdrasil.planner.exec.DdlExecutor;
import org.yggdrasil.planner.exec.DmlStatement;
import org.yggdrasil.planner.exec.ExecContext;
import org.yggdrasil.planner.exec.ParameterCasts;
import org.yggdrasil.planner.exec.PgRewrites;
import org.yggdrasil.planner.exec.PlanCache;
import org.yggdrasil.planner.exec.PlanKey;
import org.yggdrasil.planner.exec.PointQuery;
import org.yggdrasil.planner.exec.QueryCompiler;
import org.yggdrasil.planner.exec.QueryPortal;
import org.yggdrasil.planner.exec.ResultPortal;
import org.yggdrasil.planner.exec.StatementContext;
import org.yggdrasil.planner.parse.DdlParser;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.planner.parse.ParameterRewrite;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.StatementKind;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.planner.schema.functions.SequenceAccess;
import org.yggdrasil.planner.schema.functions.SequenceFunctions;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * One connection's session: settings, transaction, plan cache, cancellation. Classifies each
 * statement and prepares it along the right path: queries through Calcite, INSERT/UPDATE/DELETE
 * through the DML layer, DDL and session statements through their own small parsers.
 */
public final class YggSession implements Session, StatementContext {
  private final String databaseName;
  private final NativeDatabase database;
  private final String user;
  private final int processId;
  private final int secretKey;
  private final SessionSettings settings;
  private final TransactionContext transaction;
  private final PlanCache plans = new PlanCache(512);
  /** DateStyle and TimeZone when the cached plans were made. */
  private String planDateStyle;
  private String planTimeZone;
  private String planVectorize;
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final ScheduledExecutorService timer;
  private final Runnable onClose;
  private volatile boolean timedOut;
  private int[] currentMarkerOids = new int[0];
  private long compilations;
  private DatabaseAdmin admin;
  private final SessionVersions versions;
  private final Cursors cursors = new Cursors();
  private final ListenStatement listens = new ListenStatement();
  private volatile java.util.function.Consumer<Notification> notificationSink = n -> { };
  /** This session's advisory locks (a private table until the engine gives its own). */
  private AdvisoryLocks.Session locks;
  private final SessionSequences sequences;
  /** The attached systems as this session reads and writes them. */
  private final org.yggdrasil.planner.attach.SessionSystems systems;

  YggSession(String databaseName, NativeDatabase database, String user, int processId,
      int secretKey, ScheduledExecutorService timer, Runnable onClose) {
    this.databaseName = databaseName;
    this.database = database;
    this.user = user;
    this.processId = processId;
    this.secretKey = secretKey;
    this.settings = new SessionSettings(user);
    this.transaction = new TransactionContext(database, settings, user);
    this.versions = new SessionVersions(database, settings, transaction);
    this.sequences = new SessionSequences(database, this::readSnapshot);
    this.systems = new org.yggdrasil.planner.attach.SessionSystems(database,
        transaction::snapshot, transaction::forWrite, () -> settings.get("ygg.branch"));
    transaction.systems(systems);
    versions.systems(systems);
    versions.overlays(processId);
    transaction.onStart(() -> versions.overlay().follow());
    this.timer = timer;
    this.onClose = onClose;
    this.locks = new AdvisoryLocks().forSession(databaseName, processId, cancel);
    transaction.onEnd(committed -> {
      locks.endTransaction();
      cursors.endTransaction(committed);
      if (admin != null) {
        listens.endTransaction(committed, admin.notifications(), databaseName, processId,
            n -> notificationSink.accept(n));
      }
    });
  }

  /** Lets the session create and drop databases (set by the engine that made it). */
  void databaseAdmin(DatabaseAdmin admin) {
    this.admin = admin;
    if (admin != null) {
      this.locks = admin.advisoryLocks().forSession(databaseName, processId, cancel);
    }
  }

  /** The database this session is connected to. */
  public String databaseName() {
    return databaseName;
  }

  SessionSettings settings() {
    return settings;
  }

  TransactionContext transaction() {
    return transaction;
  }

  @Override
  public int processId() {
    return processId;
  }

  @Override
  public int secretKey() {
    return secretKey;
  }

  @Override
  public Map<String, String> reportedParameters() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Setting s : SettingsRegistry.all()) {
      if (s.reported()) {
        out.put(s.name(), settings.get(s.name()));
      }
    }
    settings.takeReportedChanges();
    return out;
  }

  @Override
  public Map<String, String> takeParameterChanges() {
    return settings.takeReportedChanges();
  }

  @Override
  public List<String> splitStatements(String sql) {
    return SqlLexer.splitStatements(sql);
  }

  @Override
  public PreparedStatement prepare(String sql, int[] parameterTypes) {
    lastQuery = sql;
    queryStart = java.time.Instant.now();
    int[] declared = parameterTypes == null ? new int[0] : parameterTypes;
    StatementKind kind;
    try {
      kind = StatementKind.of(sql);
    } catch (SqlStateException e) {
      failStatement();
      throw e;
    }
    try {
      return prepare(kind, sql, declared);
    } catch (SqlStateException e) {
      failStatement();
      throw e;
    } catch (RuntimeException e) {
      failStatement();
      throw org.yggdrasil.planner.exec.CalciteErrors.runtimeError(e);
    }
  }

  private PreparedStatement prepare(StatementKind kind, String sql, int[] declared) {
    switch (kind) {
      case EMPTY:
        return new YggPreparedStatement(new int[0], List.of(), true, p -> null);
      case BEGIN, COMMIT, ROLLBACK, ROLLBACK_TO, SAVEPOINT, RELEASE, SET, SHOW, RESET, DISCARD:
        return prepareUtility(kind, sql);
      default:
        break;
    }
    transaction.checkNotFailed();
    return switch (kind) {
      case QUERY -> prepareQuery(sql, declared);
      case EXPLAIN -> prepareExplain(sql, declared);
      case INSERT, UPDATE, DELETE -> prepareDml(kind, sql, declared);
      case COPY -> prepareCopy(sql, declared);
      case CREATE_TABLE, DROP_TABLE, TRUNCATE, ALTER_TABLE, CREATE_INDEX, DROP_INDEX, CREATE_VIEW,
          DROP_VIEW, CREATE_SEQUENCE, DROP_SEQUENCE, CREATE_SCHEMA, DROP_SCHEMA, COMMENT, CREATE_TYPE,
          ALTER_TYPE, DROP_TYPE ->
          prepareDdl(sql);
      case CREATE_DATABASE, DROP_DATABASE -> prepareDatabaseStatement(sql);
      case CREATE_SERVER, DROP_SERVER -> prepareServerStatement(sql);
      case MODEL -> prepareModelStatement(sql);
      case DECLARE, FETCH, CLOSE -> prepareCursorStatement(kind, sql);
      case LISTEN -> new YggPreparedStatement(new int[0], List.of(), false,
          p -> new GuardedPortal(this, new ResultPortal(List.of(), () -> listens.execute(sql)),
              false));
      case UNSUPPORTED -> throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "statement not supported yet: " + firstWords(sql));
      default -> {
        QueryCompiler.parse(ParameterRewrite.of(sql).sql());
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "statement not supported yet: " + firstWords(sql));
      }
    };
  }

  private static String firstWords(String sql) {
    String s = sql.strip();
    String[] words = s.split("\\s+", 3);
    return (words.length >= 2 ? words[0] + " " + words[1] : words[0]).toUpperCase(
        java.util.Locale.ROOT);
  }

  private PreparedStatement prepareUtility(StatementKind kind, String sql) {
    UtilityStatement u = UtilityStatement.parse(kind, sql);
    if (!u.allowedWhenFailed()) {
      transaction.checkNotFailed();
    }
    boolean control = u.allowedWhenFailed() || u instanceof UtilityStatement.Begin;
    return new YggPreparedStatement(new int[0], u.columns(), false,
        p -> new GuardedPortal(this, new ResultPortal(u.columns(), () -> u.execute(this)),
            control));
  }

  private PreparedStatement prepareCursorStatement(StatementKind kind, String sql) {
    if (kind == StatementKind.FETCH) {
      Cursors.Fetch fetch = Cursors.parseFetch(sql);
      List<ResultColumn> columns = fetch.move() ? List.of() : cursors.columns(fetch.cursor());
      return new YggPreparedStatement(new int[0], columns, false, p -> new GuardedPortal(this,
          new ResultPortal(columns, () -> cursors.fetch(fetch)), false));
    }
    return new YggPreparedStatement(new int[0], List.of(), false, p -> new GuardedPortal(this,
        new ResultPortal(List.of(), () -> kind == StatementKind.DECLARE
            ? cursors.declare(sql, this, transaction.inBlock()) : cursors.close(sql)), false));
  }

  private PreparedStatement prepareDatabaseStatement(String sql) {
    DatabaseStatement statement = DatabaseStatement.parse(sql);
    if (admin == null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "this server cannot create or drop databases");
    }
    return new YggPreparedStatement(new int[0], List.of(), false,
        p -> new GuardedPortal(this,
            new ResultPortal(List.of(), () -> statement.execute(this, admin)), true));
  }

  private PreparedStatement prepareServerStatement(String sql) {
    var statement = org.yggdrasil.planner.attach.ServerStatement.parse(sql);
    return new YggPreparedStatement(new int[0], List.of(), false,
        p -> new GuardedPortal(this, new ResultPortal(List.of(), () ->
            org.yggdrasil.planner.exec.StatementResult.of(statement.execute(writeTransaction(),
                systems, currentBranch()))), false));
  }

  private PreparedStatement prepareDdl(String sql) {
    DdlStatement ddl = DdlParser.parse(sql);
    return new YggPreparedStatement(new int[0], List.of(), false,
        p -> new GuardedPortal(this,
            new ResultPortal(List.of(), () -> DdlExecutor.execute(ddl, this)), false));
  }

  private PreparedStatement prepareModelStatement(String sql) {
    var statement = org.yggdrasil.planner.model.ModelDdlParser.parse(sql);
    List<ResultColumn> columns = org.yggdrasil.planner.model.ModelExecutor.columns(statement);
    return new YggPreparedStatement(new int[0], columns, false, p -> new GuardedPortal(this,
        new ResultPortal(columns,
            () -> org.yggdrasil.planner.model.ModelExecutor.execute(statement, this)), false));
  }

  private PreparedStatement prepareDml(StatementKind kind, String sql, int[] declared) {
    ParameterRewrite params = ParameterRewrite.of(sql);
    currentMarkerOids = markerOids(params, declared);
    DmlStatement dml;
    var attached = org.yggdrasil.planner.attach.AttachedDml.target(kind, sql, readSnapshot());
    if (attached != null) {
      try (SessionInfo.Scope scope = SessionInfo.enter(sessionInfo())) {
        dml = org.yggdrasil.planner.attach.AttachedDml.prepare(kind, params.sql(), attached,
            this, systems);
      }
    } else {
      dml = DmlStatement.prepare(kind, params.sql(), this);
    }
    int[] types = parameterTypes(declared, params, dml.markerTypes(), dml.markerOids());
    return new YggPreparedStatement(types, dml.resultColumns(), false, values -> {
      Object[] markers = markerValues(params, values);
      int[] oids = markerOids(params, declared);
      return new GuardedPortal(this, new ResultPortal(dml.resultColumns(), () -> {
        currentMarkerOids = oids;
        return dml.execute(this, markers);
      }), false);
    });
  }

  /**
   * COPY FROM STDIN begins when the wire side asks the portal for its {@code copyIn()}; COPY TO
   * STDOUT is its query's portal, whose rows the wire side writes as CopyData.
   */
  private PreparedStatement prepareCopy(String sql, int[] declared) {
    CopyCommand command = CopyCommand.parse(sql);
    if (command.from()) {
      return new YggPreparedStatement(new int[0], List.of(), false, p -> new GuardedPortal(this,
          new CopyFromPortal(() -> new CopyFromStdin(this, command, cancel::get)), false));
    }
    if (command.table() != null) {
      CopyTarget target = CopyToQuery.target(command, readSnapshot());
      CopyOut out = new CopyOut(TableRowsPortal.describe(target), command.options());
      return new YggPreparedStatement(new int[0], List.of(), false, p -> new GuardedPortal(this,
          new CopyToPortal(new TableRowsPortal(this::readSnapshot, target, cancel::get), out),
          false));
    }
    PreparedStatement query = prepareQuery(CopyToQuery.sql(command), declared);
    CopyOut out = new CopyOut(query.resultColumns(), command.options());
    return new YggPreparedStatement(new int[0], List.of(), false,
        p -> new CopyToPortal(query.bind(new Object[0]), out));
  }

  private PreparedStatement prepareQuery(String sql, int[] declared) {
    Snapshot current = readSnapshot();
    PointQuery point = PointQuery.match(sql, current);
    if (point != null) {
      return preparePointQuery(sql, declared, point);
    }
    ParameterRewrite params = ParameterRewrite.of(sql);
    int[] oids = markerOids(params, declared);
    currentMarkerOids = oids;
    SchemaPlus describedRoot = RootSchemas.create(current, null, Map.of());
    CompiledQuery described = compileQuery(params.sql(), declared, current, describedRoot);
    int[] types = parameterTypes(declared, params, described.markerTypes(),
        described.markerOids());
    // A simple query prepares and runs at once: its first run reuses the root schema built for
    // describing it when it reads the same (immutable) snapshot, instead of building another.
    AtomicReference<SchemaPlus> unusedRoot = new AtomicReference<>(describedRoot);
    return new YggPreparedStatement(types, described.columns(), false, values -> {
      Object[] markers = markerValues(params, values);
      return new GuardedPortal(this, new LazyQueryPortal(() -> {
        currentMarkerOids = oids;
        Snapshot snapshot = readSnapshot();
        SchemaPlus reusable = unusedRoot.getAndSet(null);
        SchemaPlus root = reusable != null && snapshot == current
            ? reusable : RootSchemas.create(snapshot, null, Map.of());
        CompiledQuery q = compileQuery(params.sql(), declared, snapshot, root);
        if (!q.columns().equals(described.columns())) {
          throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
              "cached plan must not change result type");
        }
        return new QueryPortal(q, execContext(root, markers, q.markerTypes()));
      }, described.columns()), false);
    });
  }

  /** A primary-key lookup that needs no plan (see {@link PointQuery}). */
  private PreparedStatement preparePointQuery(String sql, int[] declared,
      PointQuery point) {
    int count = Math.max(declared.length, point.parameter() + 1);
    int[] types = new int[count];
    for (int p = 0; p < count; p++) {
      types[p] = p < declared.length && declared[p] != 0 ? declared[p]
          : p == point.parameter() ? point.parameterOid() : PgOid.TEXT;
    }
    List<ResultColumn> columns = point.resultColumns();
    return new YggPreparedStatement(types, columns, false, true, values -> new GuardedPortal(this,
        new ResultPortal(columns, () -> {
          Snapshot snapshot = readSnapshot();
          PointQuery current = point;
          if (snapshot.schemaVersion() != point.schemaVersion()) {
            current = PointQuery.match(sql, snapshot);
            if (current == null || !current.resultColumns().equals(columns)) {
              throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
                  "cached plan must not change result type");
            }
          }
          List<Object[]> rows = current.execute(snapshot, values);
          return new org.yggdrasil.planner.exec.StatementResult("SELECT " + rows.size(), rows);
        }), false));
  }

  /** EXPLAIN [ANALYZE] [VERBOSE] [(options)] query: the physical plan, one row per line. */
  private PreparedStatement prepareExplain(String sql, int[] declared) {
    var tokens = SqlLexer.tokenize(sql);
    int i = 1;
    while (i < tokens.size() && (tokens.get(i).is("analyze") || tokens.get(i).is("verbose"))) {
      i++;
    }
    if (i < tokens.size() && tokens.get(i).kind() == org.yggdrasil.planner.parse.Token.Kind.LEFT_PAREN) {
      while (i < tokens.size()
          && tokens.get(i).kind() != org.yggdrasil.planner.parse.Token.Kind.RIGHT_PAREN) {
        i++;
      }
      i++;
    }
    if (i >= tokens.size()) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    String query = sql.substring(tokens.get(i).start());
    if (StatementKind.of(query) != StatementKind.QUERY) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "EXPLAIN is supported for queries only");
    }
    ParameterRewrite params = ParameterRewrite.of(query);
    currentMarkerOids = markerOids(params, declared);
    List<ResultColumn> columns = List.of(ResultColumn.computed("QUERY PLAN", PgOid.TEXT));
    Snapshot snapshot = readSnapshot();
    CompiledQuery q = compileQuery(params.sql(), declared, snapshot,
        RootSchemas.create(snapshot, null, Map.of()));
    int[] types = parameterTypes(declared, params, q.markerTypes(), q.markerOids());
    return new YggPreparedStatement(types, columns, false, values -> new GuardedPortal(this,
        new ResultPortal(columns, () -> {
          List<Object[]> rows = new java.util.ArrayList<>();
          for (String line : q.explain().split("\n")) {
            rows.add(new Object[] {line});
          }
          return new org.yggdrasil.planner.exec.StatementResult("EXPLAIN", rows);
        }), false));
  }

  /** The plan for a query over {@code snapshot} (from the cache unless its schema changed). */
  private CompiledQuery compileQuery(String sql, int[] declared, Snapshot snapshot,
      SchemaPlus root) {
    PlanKey key = new PlanKey("query", sql, Arrays.stream(declared).boxed().toList(),
        snapshot.schemaVersion());
    return compile(key, () -> PgRewrites.apply(QueryCompiler.parse(sql)), root, sql);
  }

  /** Marker i's declared OID (the OID of the PostgreSQL parameter it stands for), or 0. */
  private static int[] markerOids(ParameterRewrite params, int[] declared) {
    int[] m = params.markerToParameter();
    int[] out = new int[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i] < declared.length ? declared[m[i]] : 0;
    }
    return out;
  }

  private static Object[] markerValues(ParameterRewrite params, Object[] values) {
    int[] m = params.markerToParameter();
    Object[] out = new Object[m.length];
    for (int i = 0; i < m.length; i++) {
      if (m[i] >= values.length) {
        throw new SqlStateException(SqlState.PROTOCOL_VIOLATION,
            "bind message supplies " + values.length + " parameters, but prepared statement"
                + " requires " + params.parameterCount());
      }
      out[i] = values[m[i]];
    }
    return out;
  }

  /** Parameter OIDs to describe: declared ones, else inferred from the first marker's type. */
  private static int[] parameterTypes(int[] declared, ParameterRewrite params,
      Map<Integer, RelDataType> markerTypes, Map<Integer, Integer> markerOids) {
    int n = Math.max(declared.length, params.parameterCount());
    int[] out = new int[n];
    int[] m = params.markerToParameter();
    for (int p = 0; p < n; p++) {
      if (p < declared.length && declared[p] != 0) {
        out[p] = declared[p];
        continue;
      }
      out[p] = PgOid.TEXT;
      for (int i = 0; i < m.length; i++) {
        if (m[i] == p && markerOids.containsKey(i)) {
          out[p] = markerOids.get(i);
          break;
        }
        if (m[i] == p && markerTypes.containsKey(i)) {
          out[p] = ColumnTypes.oid(markerTypes.get(i));
          break;
        }
      }
    }
    return out;
  }

  // ---- StatementContext ----

  @Override
  public Snapshot readSnapshot() {
    return transaction.snapshot();
  }

  @Override
  public Transaction writeTransaction() {
    return transaction.forWrite();
  }

  @Override
  public CompiledQuery compile(PlanKey key, Supplier<SqlNode> parse, SchemaPlus root, String sql) {
    // Date/time literals are read at planning time in the session's DateStyle and TimeZone.
    String dateStyle = settings.get("DateStyle");
    String timeZone = settings.get("TimeZone");
    // ...and ygg.vectorize decides which operators the plan uses.
    String vectorize = settings.get("ygg.vectorize");
    if (!java.util.Objects.equals(dateStyle, planDateStyle)
        || !java.util.Objects.equals(timeZone, planTimeZone)
        || !java.util.Objects.equals(vectorize, planVectorize)) {
      plans.clear();
      planDateStyle = dateStyle;
      planTimeZone = timeZone;
      planVectorize = vectorize;
    }
    boolean vectorized = !"off".equals(vectorize);
    CompiledQuery cached = plans.get(key);
    if (cached != null) {
      return cached;
    }
    // FOR SYSTEM_TIME AS OF resolves its ref while planning: never keep such a plan.
    boolean cacheable = !sql.toLowerCase(java.util.Locale.ROOT).contains("system_time");
    CompiledQuery q;
    compilations++;
    try (SessionInfo.Scope scope = SessionInfo.enter(sessionInfo())) {
      try {
        q = QueryCompiler.compile(parse.get(), root, sql, vectorized);
      } catch (SqlStateException e) {
        if (e.state() != SqlState.INDETERMINATE_DATATYPE) {
          throw e;
        }
        q = QueryCompiler.compile(ParameterCasts.wrap(parse.get(), currentMarkerOids), root,
            sql, vectorized);
      }
    }
    if (cacheable) {
      plans.put(key, q);
    }
    return q;
  }

  @Override
  public ExecContext execContext(SchemaPlus root, Object[] markerValues,
      Map<Integer, RelDataType> markerTypes) {
    ExecContext ctx = new ExecContext(root, markerValues, markerTypes, cancel,
        transaction.startMillis(), user, settings.get("TimeZone"));
    int threads = threadCount(settings.get("ygg.threads"));
    if (threads > 0) {
      ctx.put(org.yggdrasil.planner.vexec.AggregateRunner.THREADS_VARIABLE, threads);
    }
    return ctx;
  }

  /** {@code ygg.threads} as 1..9999, or -1: parsed by hand, as this runs for every statement. */
  private static int threadCount(String value) {
    if (value == null || value.isEmpty() || value.length() > 4 || value.charAt(0) == '0') {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** How many times this session ran Calcite's planner (plan cache misses), for tests. */
  public long compilations() {
    return compilations;
  }

  // ---- settings ----

  void set(String name, String value, boolean local) {
    if (name.equalsIgnoreCase("ygg.overlay")) {
      openOverlay(value);
      return;
    }
    if (name.equalsIgnoreCase("ygg.branch")) {
      checkOverlayClosed("ygg.branch");
      checkBranchChange(value);
    } else if (name.equalsIgnoreCase("ygg.commit_id")) {
      value = value.isEmpty() ? value : database.resolve(value);
      checkPinChange(name, value);
    } else if (name.equalsIgnoreCase("ygg.as_of")) {
      if (!value.isEmpty()) {
        var t = (java.time.OffsetDateTime) org.yggdrasil.planner.schema.AssignmentCast.parse(
            value, org.yggdrasil.storage.nativestore.ColumnType.TIMESTAMPTZ);
        database.commitAsOf(settings.get("ygg.branch"), t.toInstant());
      }
      checkPinChange(name, value);
    }
    settings.set(name, value, local, transaction.inBlock());
  }

  /** SET ygg.overlay = mode: forks the session's branch (see SessionOverlay). */
  private void openOverlay(String mode) {
    if (transaction.inBlock() || transaction.snapshotTaken()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          "SET ygg.overlay cannot run inside a transaction block", null,
          "COMMIT or ROLLBACK first.", 0, null);
    }
    String hidden = versions.overlay().open(mode, currentBranch());
    settings.set("ygg.branch", hidden, false, false);
    settings.set("ygg.overlay", mode.strip().toLowerCase(java.util.Locale.ROOT), false, false);
  }

  private void checkOverlayClosed(String what) {
    if (versions.overlay().isOpen()) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cannot change " + what + " while an overlay is open", null,
          "SELECT ygg.merge_down() or ygg.discard() first.", 0, null);
    }
  }

  /** Pins follow the branch rule: they may change until the transaction takes its snapshot. */
  private void checkPinChange(String name, String value) {
    if (!value.equals(settings.get(name)) && transaction.snapshotTaken()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot change " + name + " after the transaction has read or written data", null,
          "SET " + name + " before the transaction's first query, or after COMMIT/ROLLBACK.", 0,
          null);
    }
  }

  void reset(String name) {
    if (name == null) {
      versions.overlay().discardQuietly();
    } else if (name.equalsIgnoreCase("ygg.branch") || name.equalsIgnoreCase("ygg.overlay")) {
      checkOverlayClosed(name);
    }
    if (name == null || name.equalsIgnoreCase("ygg.branch")) {
      checkBranchChange(settings.startValue("ygg.branch"));
    }
    for (String pin : new String[] {"ygg.commit_id", "ygg.as_of"}) {
      if (name == null || name.equalsIgnoreCase(pin)) {
        checkPinChange(pin, settings.startValue(pin));
      }
    }
    if (name == null) {
      settings.resetAll();
    } else {
      settings.reset(name);
    }
  }

  /**
   * The session may move to another branch until its transaction has taken its snapshot (ORMs
   * send BEGIN first, then SET); after that, as for PostgreSQL's transaction_isolation, 25001.
   */
  private void checkBranchChange(String branch) {
    if (branch.equals(settings.get("ygg.branch"))) {
      return;
    }
    if (transaction.snapshotTaken()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot change ygg.branch after the transaction has read or written data", null,
          "SET ygg.branch before the transaction's first query, or after COMMIT/ROLLBACK.", 0,
          null);
    }
    if (!database.branches().contains(branch)) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
          "branch \"" + branch + "\" does not exist", null,
          "SELECT name FROM ygg.branches lists the branches; ygg.create_branch(name, from)"
              + " makes one.", 0, null);
    }
  }

  /** The branch the session reads and writes. */
  public String currentBranch() {
    return settings.get("ygg.branch");
  }

  String show(String name) {
    String v = settings.get(name);
    if (v == null) {
      throw SettingsRegistry.unknown(name);
    }
    return v;
  }

  void discardAll() {
    if (transaction.inBlock()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          "DISCARD ALL cannot run inside a transaction block");
    }
    versions.overlay().discardQuietly();
    checkBranchChange(settings.startValue("ygg.branch"));
    settings.resetAll();
  }

  // ---- execution guard ----

  private final java.time.Instant backendStart = java.time.Instant.now();
  private volatile String lastQuery = "";
  private volatile java.time.Instant queryStart;
  private volatile boolean executing;
  private volatile Runnable terminator = () -> { };

  @Override
  public void onNotification(java.util.function.Consumer<Notification> deliver) {
    this.notificationSink = deliver;
  }

  @Override
  public void onTerminate(Runnable terminate) {
    this.terminator = terminate;
  }

  /** Ends this session's connection (pg_terminate_backend). */
  public void terminate() {
    cancel();
    terminator.run();
  }

  /** This session as a pg_stat_activity row (see BackendControl#activity). */
  public Object[] activityRow() {
    String state = executing ? "active"
        : transaction.inBlock() ? (transaction.status() == TransactionStatus.FAILED
            ? "idle in transaction (aborted)" : "idle in transaction")
        : "idle";
    return new Object[] {databaseName, processId, user, settings.get("application_name"),
        backendStart, transaction.startInstant(), queryStart, state, lastQuery};
  }

  /** Arms cancellation and the statement timeout for one Execute; close() disarms them. */
  SessionInfo.Scope beginExecution() {
    cancel.set(false);
    timedOut = false;
    return resumeExecution();
  }

  /**
   * Like {@link #beginExecution()} for a later step of a statement that spans several messages
   * (COPY FROM STDIN): a cancel that arrived in between still counts.
   */
  SessionInfo.Scope resumeExecution() {
    long timeoutMs = SettingsRegistry.millis(settings.get("statement_timeout"));
    ScheduledFuture<?> timeout = timeoutMs <= 0 ? null : timer.schedule(() -> {
      timedOut = true;
      cancel.set(true);
    }, timeoutMs, TimeUnit.MILLISECONDS);
    SessionInfo.Scope scope = SessionInfo.enter(sessionInfo());
    SessionInfo.Scope sequenceScope = SequenceFunctions.enter(sequences);
    executing = true;
    return () -> {
      executing = false;
      if (timeout != null) {
        timeout.cancel(false);
      }
      sequenceScope.close();
      scope.close();
    };
  }

  private SessionInfo sessionInfo() {
    return new SessionInfo(databaseName, user, processId, this::settingOrNull, versions,
        () -> admin == null ? List.of(databaseName) : admin.databaseNames(), locks,
        admin == null ? null : admin.backends(), this::readSnapshot, this::set);
  }

  @Override
  public SequenceAccess sequences() {
    return sequences;
  }

  private String settingOrNull(String name) {
    return settings.get(name);
  }

  /** Rewords a cancellation caused by statement_timeout as PostgreSQL does. */
  SqlStateException describeCancel(SqlStateException e) {
    if (e.state() == SqlState.QUERY_CANCELED && timedOut) {
      return new SqlStateException(SqlState.QUERY_CANCELED,
          "canceling statement due to statement timeout");
    }
    return e;
  }

  void failStatement() {
    transaction.fail();
  }

  @Override
  public void statementFailed(RuntimeException error) {
    transaction.fail();
  }

  @Override
  public void sync() {
    // The implicit transaction may commit here: its commit notifies as this session.
    try (SessionInfo.Scope scope = SessionInfo.enter(sessionInfo())) {
      transaction.sync();
    }
  }

  @Override
  public TransactionStatus transactionStatus() {
    return transaction.status();
  }

  @Override
  public void cancel() {
    cancel.set(true);
  }

  @Override
  public void close() {
    try {
      transaction.rollback();
      versions.overlay().discardQuietly();
    } finally {
      locks.release();
      cursors.closeAll();
      if (admin != null) {
        admin.notifications().unlistenAll(processId);
      }
      onClose.run();
    }
  }
}
