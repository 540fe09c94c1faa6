package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.yggdrasil.accel.iforest.ForestParams;
import org.yggdrasil.accel.iforest.IsolationForest;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.exec.StatementContext;
import org.yggdrasil.planner.exec.StatementResult;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.planner.session.PgOid;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * Runs the model statements against the session's transaction: CREATE MODEL trains on its AS
 * query's rows and stores the model as a catalog entry, so it is written, committed and
 * branched with the transaction like any DDL.
 */
public final class ModelExecutor {
  static final List<ResultColumn> SHOW_COLUMNS = List.of(
      ResultColumn.computed("name", PgOid.TEXT), ResultColumn.computed("type", PgOid.TEXT),
      ResultColumn.computed("features", PgOid.TEXT),
      ResultColumn.computed("training_rows", PgOid.INT8),
      ResultColumn.computed("threshold", PgOid.FLOAT8),
      ResultColumn.computed("created", PgOid.TEXT));
  static final List<ResultColumn> DESCRIBE_COLUMNS = List.of(
      ResultColumn.computed("property", PgOid.TEXT), ResultColumn.computed("value", PgOid.TEXT));

  private ModelExecutor() {}

  /** The result columns the statement returns (none for CREATE and DROP). */
  public static List<ResultColumn> columns(ModelStatement s) {
    return switch (s) {
      case ModelStatement.Show x -> SHOW_COLUMNS;
      case ModelStatement.Describe x -> DESCRIBE_COLUMNS;
      default -> List.of();
    };
  }

  public static StatementResult execute(ModelStatement s, StatementContext ctx) {
    return switch (s) {
      case ModelStatement.Create c -> create(c, ctx);
      case ModelStatement.Drop d -> drop(d, ctx);
      case ModelStatement.Show x -> show(ctx.readSnapshot());
      case ModelStatement.Describe d -> describe(ctx.readSnapshot(), d.name());
    };
  }

  private static StatementResult create(ModelStatement.Create c, StatementContext ctx) {
    String type = ModelOptions.requireType(c.type());
    ForestParams params = ModelOptions.forest(c.options());
    Snapshot snapshot = ctx.readSnapshot();
    if (ModelDef.find(snapshot, c.name()) != null && !c.orReplace()) {
      if (c.ifNotExists()) {
        return StatementResult.of("CREATE MODEL");
      }
      throw new SqlStateException(SqlState.DUPLICATE_OBJECT,
          "model \"" + c.name() + "\" already exists", null,
          "Use CREATE OR REPLACE MODEL to retrain it, or DROP MODEL first.", 0, null);
    }
    Transaction tx = ctx.writeTransaction();
    TrainingData data = TrainingData.collect(ctx, c.name(), c.query());
    IsolationForest forest;
    try {
      forest = IsolationForest.train(data.rows(), params, data.threads());
    } catch (IllegalArgumentException e) { // the data: too few rows, NaN or infinite values
      throw new SqlStateException(SqlState.DATA_EXCEPTION,
          "cannot train model \"" + c.name() + "\": " + e.getMessage());
    }
    String payload = Base64.getEncoder().encodeToString(forest.toBytes());
    ModelDef def = new ModelDef(c.name(), type, ModelOptions.text(params), data.names(),
        trainedAt(), forest.trainingRows(), forest.threshold(), java.time.Instant.now().toString(),
        UUID.randomUUID().toString(), payload);
    // Not put in ModelCache here: the first scoring decodes what the store holds, so the
    // stored form is what every statement scores with.
    tx.putCatalogEntry(def.toEntry());
    return StatementResult.of("CREATE MODEL");
  }

  /** The commit the training query read: the session's base commit. */
  private static String trainedAt() {
    try {
      String id = SessionInfo.current().versions().commitId();
      return id == null ? "" : id;
    } catch (IllegalStateException noSession) {
      return "";
    }
  }

  private static StatementResult drop(ModelStatement.Drop d, StatementContext ctx) {
    Snapshot snapshot = ctx.readSnapshot();
    for (String name : d.names()) {
      if (ModelDef.find(snapshot, name) == null && !d.ifExists()) {
        throw ModelLookup.undefined(name);
      }
    }
    Transaction tx = null;
    for (String name : d.names()) {
      if (ModelDef.find(snapshot, name) != null) {
        if (tx == null) {
          tx = ctx.writeTransaction();
        }
        tx.removeCatalogEntry(ModelDef.KIND, name);
      }
    }
    return StatementResult.of("DROP MODEL");
  }

  private static StatementResult show(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : ModelDef.all(snapshot.catalog())) {
      rows.add(new Object[] {m.name(), m.type(), String.join(", ", m.features()),
          m.trainingRows(), m.threshold(), m.createdAt()});
    }
    return new StatementResult("SHOW", rows);
  }

  private static StatementResult describe(Snapshot snapshot, String name) {
    ModelDef m = ModelDef.find(snapshot, name);
    if (m == null) {
      throw ModelLookup.undefined(name);
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"name", m.name()});
    rows.add(new Object[] {"type", m.type()});
    rows.add(new Object[] {"features", String.join(", ", m.features())});
    rows.add(new Object[] {"options", m.options()});
    rows.add(new Object[] {"training_rows", Long.toString(m.trainingRows())});
    rows.add(new Object[] {"threshold", Double.toString(m.threshold())});
    rows.add(new Object[] {"trained_at_commit", m.trainedAt()});
    rows.add(new Object[] {"created", m.createdAt()});
    rows.add(new Object[] {"uid", m.uid()});
    return new StatementResult("SHOW", rows);
  }
}
