package org.yggdrasil.planner.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small LRU map of compiled plans, one per session (so no locking). */
public final class PlanCache {
  private final Map<PlanKey, CompiledQuery> plans;

  public PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<PlanKey, CompiledQuery> eldest) {
        return size() > capacity;
      }
    };
  }

  public CompiledQuery get(PlanKey key) {
    return plans.get(key);
  }

  public void put(PlanKey key, CompiledQuery plan) {
    plans.put(key, plan);
  }

  public void clear() {
    plans.clear();
  }

  public int size() {
    return plans.size();
  }
}
