package org.yggdrasil.planner.model;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yggdrasil.accel.iforest.IsolationForest;

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
    IsolationForest f = IsolationForest.fromBytes(Base64.getDecoder().decode(def.payload()));
    remember(def.uid(), f);
    return f;
  }

  static void remember(String uid, IsolationForest forest) {
    synchronized (CACHE) {
      CACHE.put(uid, forest);
    }
  }
}
