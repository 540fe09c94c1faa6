package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.storage.nativestore.IndexDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/** The indexes made with CREATE INDEX, as pg_class (kind {@code i}) and pg_index rows. */
final class CreatedIndexes {
  private CreatedIndexes() {}

  static void add(Snapshot snapshot, List<RelationCatalog.Relation> relations,
      List<RelationCatalog.Index> indexes) {
    for (TableSchema schema : snapshot.tables()) {
      long tableOid = snapshot.table(schema.name()).tableOid();
      for (IndexDef index : schema.indexes()) {
        List<Short> attnums = new ArrayList<>();
        for (String c : index.columnNames()) {
          attnums.add((short) (schema.columnIndex(c) + 1));
        }
        relations.add(new RelationCatalog.Relation(index.oid(), index.name(), CatalogOids.PUBLIC,
            "i", null, 0, false, attnums.size()));
        indexes.add(new RelationCatalog.Index(index.oid(), index.name(), tableOid, schema.name(),
            List.copyOf(attnums), index.columnNames(), index.unique(), false, index));
      }
    }
  }
}
