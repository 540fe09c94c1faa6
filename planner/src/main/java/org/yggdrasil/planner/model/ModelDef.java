package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yggdrasil.storage.nativestore.Catalog;
import org.yggdrasil.storage.nativestore.CatalogEntry;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * A trained model as the store keeps it: a catalog entry of kind {@code model}, so it is
 * versioned, branched, time-travelled, diffed and merged like every other catalog object.
 *
 * @param name the model's name (unique among models)
 * @param type the model type, {@code isolation_forest}
 * @param options the training options as text, {@code n_trees=100, sample_size=256, …}
 * @param features the AS query's output column names, in training order
 * @param trainedAt the commit the training query read (empty when unknown)
 * @param trainingRows how many rows the model was trained on
 * @param threshold the score at or above which ANOMALY_PREDICT says 1
 * @param createdAt when CREATE MODEL ran (ISO-8601 instant)
 * @param uid unique per training run: what deserialized models are cached by, so a model
 *     reached through any branch, commit or merge is deserialized once
 * @param payload the serialized model, base64
 */
public record ModelDef(String name, String type, String options, List<String> features,
    String trainedAt, long trainingRows, double threshold, String createdAt, String uid,
    String payload) {
  public static final String KIND = "model";

  public ModelDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    features = List.copyOf(features);
  }

  /** The model with this name in the snapshot's catalog, or null. */
  public static ModelDef find(Snapshot snapshot, String name) {
    CatalogEntry e = snapshot.catalog().entry(KIND, name);
    return e == null ? null : of(e);
  }

  /** All models of the snapshot, sorted by name. */
  public static List<ModelDef> all(Catalog catalog) {
    return catalog.entries(KIND).stream().map(ModelDef::of).toList();
  }

  public CatalogEntry toEntry() {
    List<String> fields = new ArrayList<>(List.of(type, options, trainedAt,
        Long.toString(trainingRows), Double.toString(threshold), createdAt, uid, payload));
    fields.addAll(features);
    return new CatalogEntry(KIND, name, fields);
  }

  static ModelDef of(CatalogEntry e) {
    List<String> f = e.fields();
    return new ModelDef(e.name(), f.get(0), f.get(1), f.subList(8, f.size()), f.get(2),
        Long.parseLong(f.get(3)), Double.parseDouble(f.get(4)), f.get(5), f.get(6), f.get(7));
  }
}
