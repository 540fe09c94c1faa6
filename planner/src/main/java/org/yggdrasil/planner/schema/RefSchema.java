package org.yggdrasil.planner.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * Schema {@value #NAME}: one sub-schema per ref (branch, tag, commit id, or a timestamp on the
 * session's branch), holding the tables as that ref shows them. {@code t FOR SYSTEM_TIME AS OF
 * 'experiment'} is rewritten to {@code ygg_ref."experiment".t}, so one query can read a table on
 * several branches. The ref is resolved when the query is planned; such queries are never
 * cached, so a moved branch is read afresh each time.
 */
public final class RefSchema extends AbstractSchema {
  public static final String NAME = "ygg_ref";

  @Override
  public Lookup<? extends Schema> subSchemas() {
    return new Lookup<Schema>() {
      @Override
      public Schema get(String ref) {
        return new Pinned(SessionInfo.currentVersions().snapshotAt(ref));
      }

      @Override
      public Named<Schema> getIgnoreCase(String ref) {
        return new Named<>(ref, get(ref));
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        return Set.of();
      }
    };
  }

  /** The tables of one snapshot, read as planned (the plan is not reused). */
  private static final class Pinned extends AbstractSchema {
    private final Snapshot snapshot;

    Pinned(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    protected Map<String, Table> getTableMap() {
      Map<String, Table> tables = new HashMap<>();
      for (TableSchema schema : snapshot.tables()) {
        tables.put(schema.name(), NativeTable.pinned(snapshot.table(schema.name())));
      }
      return tables;
    }
  }
}
