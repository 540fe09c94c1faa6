package org.yggdrasil.planner.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.function.NonDeterministic;
import org.yggdrasil.accel.iforest.IsolationForest;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.SessionInfo;

/**
 * What the compiled plans of the anomaly functions call for each row. The model is resolved
 * once per statement execution (by name in the executing statement's snapshot, so branches and
 * time travel see their own model), then every row costs one copy into a reused array and one
 * tree walk per tree.
 */
@NonDeterministic
public final class AnomalyRuntime {
  /** Per thread: the execution the bound models belong to, and those models by name. */
  private static final ThreadLocal<Bindings> BINDINGS = ThreadLocal.withInitial(Bindings::new);

  private AnomalyRuntime() {}

  public static double score(String model, List<?> features) {
    return evaluate(model, features, Measure.SCORE);
  }

  public static int predict(String model, List<?> features) {
    return (int) evaluate(model, features, Measure.PREDICT);
  }

  public static double proba(String model, List<?> features) {
    return evaluate(model, features, Measure.PROBA);
  }

  public static double confidence(String model, List<?> features) {
    return evaluate(model, features, Measure.CONFIDENCE);
  }

  /**
   * The forest {@code model} names in the executing statement's snapshot, resolved once per
   * execution like the row-at-a-time functions do; for batch scoring ({@code ScoreRunner}).
   * 42883 when it does not take {@code features} features (the model changed since planning).
   */
  public static IsolationForest forest(String model, int features) {
    Bound b = BINDINGS.get().bound(model);
    if (b.forest.features() != features) {
      throw new SqlStateException(SqlState.UNDEFINED_FUNCTION, "model \"" + model + "\" takes "
          + b.forest.features() + " features, got " + features);
    }
    return b.forest;
  }

  /**
   * A batch-scored value, or 22004 when a feature of the row was NULL (the value is then null):
   * called where the row-at-a-time function would have been, so the error arises for the same
   * rows.
   */
  public static double requireDouble(Double value, String model) {
    if (value == null) {
      throw nullFeature(model, null);
    }
    return value;
  }

  public static int requireInt(Integer value, String model) {
    if (value == null) {
      throw nullFeature(model, null);
    }
    return value;
  }

  private static SqlStateException nullFeature(String model, String feature) {
    return new SqlStateException(SqlState.NULL_VALUE_NOT_ALLOWED, (feature == null ? "a feature"
        : "feature \"" + feature + "\"") + " of model \"" + model + "\" is NULL", null,
        "Filter such rows out or replace the NULLs (COALESCE) before scoring.", 0, null);
  }

  private static double evaluate(String model, List<?> features, Measure measure) {
    Bound b = BINDINGS.get().bound(model);
    double[] row = b.row;
    if (features.size() != row.length) {
      throw new SqlStateException(SqlState.UNDEFINED_FUNCTION, "model \"" + model + "\" takes "
          + row.length + " features, got " + features.size());
    }
    for (int i = 0; i < row.length; i++) {
      Object v = features.get(i);
      if (v == null) {
        throw nullFeature(model, b.def.features().get(i));
      }
      row[i] = ((Number) v).doubleValue();
    }
    return b.forest.evaluate(row, measure);
  }

  private record Bound(ModelDef def, IsolationForest forest, double[] row) {}

  private static final class Bindings {
    private SessionInfo execution;
    private final Map<String, Bound> models = new HashMap<>();

    Bound bound(String model) {
      SessionInfo current = SessionInfo.current();
      if (current != execution) {
        execution = current;
        models.clear();
      }
      Bound b = models.get(model);
      if (b == null) {
        ModelDef def = ModelLookup.require(current.snapshot().get(), model);
        IsolationForest forest = ModelCache.forest(def);
        b = new Bound(def, forest, new double[forest.features()]);
        models.put(model, b);
      }
      return b;
    }
  }
}
