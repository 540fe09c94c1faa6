package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yggdrasil.storage.nativestore.CatalogEntry;

/**
 * An attached system as the database's versioned catalog records it (CREATE SERVER): its name
 * (also its SQL schema and system id), its foreign-data wrapper and its options. Kept as a
 * catalog entry of kind {@code server}, so attachments branch and time-travel with the data.
 */
public record ServerDef(String name, String wrapper, Map<String, String> options) {
  public static final String KIND = "server";

  public ServerDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(wrapper, "wrapper");
    options = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(options));
  }

  public CatalogEntry toEntry() {
    List<String> fields = new ArrayList<>();
    fields.add(wrapper);
    options.forEach((k, v) -> {
      fields.add(k);
      fields.add(v);
    });
    return new CatalogEntry(KIND, name, fields);
  }

  public static ServerDef of(CatalogEntry e) {
    List<String> f = e.fields();
    Map<String, String> options = new TreeMap<>();
    for (int i = 1; i + 1 < f.size(); i += 2) {
      options.put(f.get(i), f.get(i + 1));
    }
    return new ServerDef(e.name(), f.get(0), options);
  }
}
