package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.yggdrasil.storage.nativestore.CommentDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * pg_description from COMMENT ON: one row per comment, on a relation (objsubid 0) or on a
 * table's column (objsubid its attnum), and on the {@code public} schema. Comments on schemas
 * made with CREATE SCHEMA are kept but not shown: those schemas have no pg_namespace row yet.
 */
public final class Descriptions {
  /** pg_class's and pg_namespace's own OIDs, pg_description.classoid of relations and schemas. */
  public static final long PG_CLASS = 1259;
  public static final long PG_NAMESPACE = 2615;

  /** One pg_description row. */
  public record Description(long objoid, long classoid, int objsubid, String text) {}

  private Descriptions() {}

  static void register(Map<String, Table> t) {
    t.put("pg_description", new CatalogTable(CatalogTable.columns("objoid:BIGINT",
        "classoid:BIGINT", "objsubid:INTEGER", "description:VARCHAR"), snapshot -> {
          List<Object[]> rows = new ArrayList<>();
          for (Description d : of(snapshot)) {
            rows.add(new Object[] {d.objoid(), d.classoid(), d.objsubid(), d.text()});
          }
          return rows;
        }));
  }

  /** The descriptions of the snapshot's commented objects that pg_catalog shows. */
  public static List<Description> of(Snapshot snapshot) {
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    List<Description> out = new ArrayList<>();
    for (CommentDef c : snapshot.catalog().comments()) {
      if (c.objectKind().equals("schema")) {
        if (c.relation().equals("public")) {
          out.add(new Description(CatalogOids.PUBLIC, PG_NAMESPACE, 0, c.text()));
        }
        continue;
      }
      Long oid = relationOid(snapshot, catalog, c.relation());
      if (oid == null) {
        continue;
      }
      int subId = 0;
      if (c.column() != null) {
        RelationCatalog.Relation r = catalog.relation(oid);
        if (r == null || r.table() == null || r.table().columnIndex(c.column()) < 0) {
          continue;
        }
        subId = r.table().columnIndex(c.column()) + 1;
      }
      out.add(new Description(oid, PG_CLASS, subId, c.text()));
    }
    return out;
  }

  /** obj_description / col_description: the comment on this object, or null. */
  public static String find(Snapshot snapshot, long objoid, long classoid, int objsubid) {
    for (Description d : of(snapshot)) {
      if (d.objoid() == objoid && d.classoid() == classoid && d.objsubid() == objsubid) {
        return d.text();
      }
    }
    return null;
  }

  private static Long relationOid(Snapshot snapshot, RelationCatalog catalog, String name) {
    RelationCatalog.Relation r = catalog.relation(name);
    if (r != null) {
      return r.oid();
    }
    var view = snapshot.catalog().view(name);
    if (view != null) {
      return view.oid();
    }
    var sequence = snapshot.catalog().sequence(name);
    return sequence == null ? null : sequence.oid();
  }
}
