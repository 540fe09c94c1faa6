package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yggdrasil.planner.session.JsonText;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * The model changes between two snapshots, as rows of {@code ygg.diff}: table_name is the
 * model's name, kind {@code model created}, {@code model replaced} or {@code model dropped},
 * key {@code {"model": name}}, old and new a JSON summary (the weights are left out: a
 * retrained model shows as a new uid, training rows and threshold).
 */
public final class ModelDiff {
  private ModelDiff() {}

  public static List<Object[]> rows(Snapshot from, Snapshot to) {
    Map<String, ModelDef> before = byName(from);
    Map<String, ModelDef> after = byName(to);
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    List<Object[]> rows = new ArrayList<>();
    for (String name : names) {
      ModelDef b = before.get(name);
      ModelDef a = after.get(name);
      if (b != null && a != null && b.equals(a)) {
        continue;
      }
      String kind = b == null ? "model created" : a == null ? "model dropped" : "model replaced";
      rows.add(new Object[] {name, kind, JsonText.of(Map.of("model", name)), summary(b),
          summary(a)});
    }
    return rows;
  }

  private static Map<String, ModelDef> byName(Snapshot s) {
    Map<String, ModelDef> out = new LinkedHashMap<>();
    for (ModelDef m : ModelDef.all(s.catalog())) {
      out.put(m.name(), m);
    }
    return out;
  }

  static String summary(ModelDef m) {
    if (m == null) {
      return null;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", m.type());
    s.put("features", String.join(", ", m.features()));
    s.put("options", m.options());
    s.put("training_rows", m.trainingRows());
    s.put("threshold", m.threshold());
    s.put("uid", m.uid());
    return JsonText.of(s);
  }
}
