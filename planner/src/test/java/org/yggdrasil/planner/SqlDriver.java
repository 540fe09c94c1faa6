package org.yggdrasil.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.StartupParameters;

/** Runs SQL against an in-memory engine the way the wire layer does, for planner tests. */
public final class SqlDriver implements AutoCloseable {
  private final YggEngine engine;
  private final Session session;
  /** Whether closing this driver closes the engine: only when the driver created it. */
  private final boolean ownsEngine;
  public String lastTag;

  public SqlDriver() {
    this(new YggEngine(EngineOptions.memory()), true);
  }

  /** A session on the engine; closing the driver closes the engine too. */
  public SqlDriver(YggEngine engine) {
    this(engine, true);
  }

  /** A session on an engine other sessions share: closing the driver leaves the engine open. */
  public static SqlDriver sharing(YggEngine engine) {
    return new SqlDriver(engine, false);
  }

  private SqlDriver(YggEngine engine, boolean ownsEngine) {
    this.engine = engine;
    this.ownsEngine = ownsEngine;
    this.session = engine.open(new StartupParameters(Map.of("user", "ygg", "database", "ygg")));
  }

  public Session session() {
    return session;
  }

  /** The plan EXPLAIN prints for {@code sql}, one line per row. */
  public String explain(String sql) {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : run("EXPLAIN " + sql)) {
      b.append(row.get(0)).append('\n');
    }
    return b.toString();
  }

  /** Runs one statement (simple-query style, its own implicit transaction); returns rows. */
  public List<List<Object>> run(String sql, Object... params) {
    try {
      List<List<Object>> rows = runNoSync(sql, params);
      session.sync();
      return rows;
    } catch (RuntimeException e) {
      session.sync();
      throw e;
    }
  }

  public List<List<Object>> runNoSync(String sql, Object... params) {
    PreparedStatement ps = session.prepare(sql, new int[0]);
    List<List<Object>> rows = new ArrayList<>();
    if (ps.isEmpty()) {
      return rows;
    }
    try (Portal p = ps.bind(params)) {
      p.execute(0, r -> rows.add(java.util.Arrays.asList(r)));
      lastTag = p.commandTag();
    }
    return rows;
  }

  /** The single value of a one-row, one-column result. */
  public Object value(String sql, Object... params) {
    List<List<Object>> rows = run(sql, params);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value, got " + rows);
    }
    return rows.get(0).get(0);
  }

  @Override
  public void close() {
    session.close();
    if (ownsEngine) {
      engine.close();
    }
  }
}
