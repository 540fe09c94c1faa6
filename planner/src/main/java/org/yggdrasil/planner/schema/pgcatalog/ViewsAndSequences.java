package org.yggdrasil.planner.schema.pgcatalog;

import java.util.List;
import org.yggdrasil.storage.nativestore.SequenceDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.ViewDef;

/**
 * Views (kind {@code v}) and sequences (kind {@code S}) as pg_class rows, so that regclass,
 * psql's \dv and \ds and drivers' table listings see them. A view's columns are not in
 * pg_attribute yet: their types are known only by planning the view.
 */
final class ViewsAndSequences {
  /** A sequence's pg_class.relnatts: last_value, log_cnt, is_called. */
  private static final int SEQUENCE_COLUMNS = 3;

  private ViewsAndSequences() {}

  static void add(Snapshot snapshot, List<RelationCatalog.Relation> relations) {
    for (ViewDef view : snapshot.catalog().views()) {
      relations.add(new RelationCatalog.Relation(view.oid(), view.name(), CatalogOids.PUBLIC,
          "v", null, 0, false, view.columnNames().size()));
    }
    for (SequenceDef sequence : snapshot.catalog().sequences()) {
      relations.add(new RelationCatalog.Relation(sequence.oid(), sequence.name(),
          CatalogOids.PUBLIC, "S", null, 0, false, SEQUENCE_COLUMNS));
    }
  }

  /** pg_sequence rows: the type's OID, start, increment, bounds; cache 1, no cycle. */
  static List<Object[]> sequenceRows(Snapshot snapshot) {
    return snapshot.catalog().sequences().stream().map(s -> new Object[] {s.oid(),
        (long) switch (s.type()) {
          case "smallint" -> 21;
          case "integer" -> 23;
          default -> 20;
        }, s.start(), s.increment(), s.max(), s.min(), 1L, false}).toList();
  }
}
