package org.yggdrasil.planner.attach;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * The SQL schema of one attached system: its tables as the snapshot being planned recorded
 * them. Tables are listed lazily, when the planner first looks (inside the session's scope).
 */
final class AttachedSchema extends AbstractSchema {
  private final ServerDef def;
  private final Snapshot snapshot;
  private Map<String, Table> tables;

  AttachedSchema(ServerDef def, Snapshot snapshot) {
    this.def = def;
    this.snapshot = snapshot;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    if (tables == null) {
      SessionSystems systems = AttachedSchemas.current();
      Map<String, Table> m = new LinkedHashMap<>();
      if (systems != null) {
        for (TableSpec t : systems.tables(def, snapshot)) {
          m.put(t.name(), new AttachedTable(def.name(), t));
        }
      }
      tables = m;
    }
    return tables;
  }
}
