package org.yggdrasil.planner.model;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yggdrasil.accel.iforest.IsolationForest;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Deserialized models by {@link ModelDef#uid()}: a training run's uid names the same bytes on
 * every branch and commit that holds it, so a model is decoded once however it is reached.
 * Small and least-recently-used: models are a few megabytes at most.
 */
final class ModelCache {
  private static final int CAPACITY = 32;
  private static final Map<String, IsolationForest> CACHE =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IsolationForest> eldest) {
          return size() > CAPACITY;
        }
      };

  private ModelCache() {}

  static IsolationForest forest(ModelDef def) {
    synchronized (CACHE) {
      IsolationForest f = CACHE.get(def.uid());
      if (f != null) {
        return f;
      }
    }
    IsolationForest f;
    try {
      f = IsolationForest.fromBytes(Base64.getDecoder().decode(def.payload()));
    } catch (IllegalArgumentException e) {
      throw new SqlStateException(SqlState.DATA_CORRUPTED, "model \"" + def.name()
          + "\" cannot be read: " + e.getMessage(), null,
          "Retrain it with CREATE OR REPLACE MODEL.", 0, null);
    }
    synchronized (CACHE) {
      CACHE.put(def.uid(), f);
    }
    return f;
  }
}
