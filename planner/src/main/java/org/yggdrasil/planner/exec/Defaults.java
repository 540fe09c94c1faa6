package org.yggdrasil.planner.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Evaluates columns' DEFAULT expressions, once per statement (PostgreSQL evaluates volatile
 * defaults per row; the defaults supported here — constants, now(), arithmetic — give the same
 * value within a transaction either way).
 */
public final class Defaults {
  private final StatementContext ctx;
  private final Snapshot snapshot;
  private final Map<String, Object> values = new HashMap<>();

  public Defaults(StatementContext ctx, Snapshot snapshot) {
    this.ctx = ctx;
    this.snapshot = snapshot;
  }

  public Object valueOf(ColumnDef col) {
    if (col.defaultSql() == null) {
      return null;
    }
    String sequence = SequenceDefault.sequenceOf(col.defaultSql());
    if (sequence != null) {
      // nextval is volatile: one value per row.
      return AssignmentCast.cast(ctx.sequences().nextval(sequence), col.type());
    }
    String key = col.name();
    if (values.containsKey(key)) {
      return values.get(key);
    }
    String sql = "SELECT " + col.defaultSql();
    SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
    CompiledQuery q = ctx.compile(new PlanKey("default", sql, List.of(), null),
        () -> PgRewrites.apply(QueryCompiler.parse(sql)), root, sql);
    Object[] holder = new Object[1];
    new QueryPortal(q, ctx.execContext(root, new Object[0], Map.of()))
        .execute(0, row -> holder[0] = row[0]);
    Object v = AssignmentCast.cast(holder[0], col.type());
    values.put(key, v);
    return v;
  }
}
