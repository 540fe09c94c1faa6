package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.storage.nativestore.IndexDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The relations of one snapshot as pg_catalog shows them — tables, the indexes behind their keys
 * and the key constraints — with OIDs that stay the same for the same object, so pg_class,
 * pg_attribute, pg_index, pg_constraint and RowDescription agree.
 *
 * <p>Each kind of object comes from one provider ({@link #tables}, {@link #keyIndexes},
 * {@link CreatedIndexes}, {@link ViewsAndSequences}, {@link TableConstraints}).
 */
public record RelationCatalog(List<Relation> relations, List<Index> indexes,
    List<Constraint> constraints) {

  /** A pg_class row. {@code table} is the stored schema of a table, null for other kinds. */
  public record Relation(long oid, String name, long namespace, String kind, TableSchema table,
      long rowCount, boolean hasIndex, int columnCount) {}

  /**
   * A pg_index row; {@code keys} are the attnums of the indexed table's columns.
   * {@code definition} is the CREATE INDEX behind it, null for the index of a key constraint.
   */
  public record Index(long oid, String name, long tableOid, String tableName, List<Short> keys,
      List<String> columns, boolean unique, boolean primary, IndexDef definition) {}

  /**
   * A pg_constraint row: {@code type} p (primary key), u (unique), f (foreign key) or c (check).
   * A foreign key also names the referenced table, its key columns ({@code refKeys}) and the
   * actions' pg_constraint letters; {@code indexOid} is then the referenced key's index. A check
   * carries its {@code expression}; its {@code keys} are the columns the expression names.
   */
  public record Constraint(long oid, String name, String type, long tableOid, long indexOid,
      List<Short> keys, long refTableOid, List<Short> refKeys, String onUpdate,
      String onDelete, String expression) {

    /** A primary key or unique constraint. */
    Constraint(long oid, String name, String type, long tableOid, long indexOid,
        List<Short> keys) {
      this(oid, name, type, tableOid, indexOid, keys, 0L, null, " ", " ", null);
    }
  }

  /**
   * The last catalog built and the snapshot it describes, replaced together; weakly, so that it
   * never keeps an old snapshot's data alive.
   */
  private record Built(java.lang.ref.WeakReference<Snapshot> snapshot,
      RelationCatalog catalog) {}

  private static volatile Built last;

  /** The catalog of {@code snapshot}; the last one is kept, since a query scans several tables. */
  public static RelationCatalog of(Snapshot snapshot) {
    Built cached = last;
    if (cached != null && cached.snapshot().get() == snapshot) {
      return cached.catalog();
    }
    List<Relation> relations = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>();
    tables(snapshot, relations);
    keyIndexes(snapshot, relations, indexes, constraints);
    CreatedIndexes.add(snapshot, relations, indexes);
    ViewsAndSequences.add(snapshot, relations);
    TableConstraints.add(snapshot, indexes, constraints);
    RelationCatalog built = new RelationCatalog(List.copyOf(relations), List.copyOf(indexes),
        List.copyOf(constraints));
    last = new Built(new java.lang.ref.WeakReference<>(snapshot), built);
    return built;
  }

  /** The relation with this OID, or null. */
  public Relation relation(long oid) {
    for (Relation r : relations) {
      if (r.oid() == oid) {
        return r;
      }
    }
    return null;
  }

  /** The visible relation with this name, or null. */
  public Relation relation(String name) {
    for (Relation r : relations) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  public Index index(long oid) {
    for (Index i : indexes) {
      if (i.oid() == oid) {
        return i;
      }
    }
    return null;
  }

  public Constraint constraint(long oid) {
    for (Constraint c : constraints) {
      if (c.oid() == oid) {
        return c;
      }
    }
    return null;
  }

  private static void tables(Snapshot snapshot, List<Relation> out) {
    for (TableSchema schema : snapshot.tables()) {
      TableVersion v = snapshot.table(schema.name());
      boolean keyed = !schema.primaryKey().isEmpty() || !schema.uniqueKeys().isEmpty()
          || !schema.indexes().isEmpty();
      out.add(new Relation(v.tableOid(), schema.name(), CatalogOids.PUBLIC, "r", schema,
          v.rowCount(), keyed, schema.columns().size()));
    }
  }

  /**
   * Whether {@code stored} is the store's default name for a key (table_pkey, table_a_b_key,
   * maybe numbered): those are named here as PostgreSQL would, cut to 63 bytes.
   */
  private static boolean isDefaultName(String table, List<String> columns, boolean primary,
      String stored) {
    String base = primary ? table + "_pkey" : table + "_" + String.join("_", columns) + "_key";
    return stored.equals(base) || (stored.startsWith(base)
        && stored.substring(base.length()).chars().allMatch(Character::isDigit));
  }

  /** PRIMARY KEY and UNIQUE: each a constraint and the btree index that enforces it. */
  private static void keyIndexes(Snapshot snapshot, List<Relation> relations, List<Index> indexes,
      List<Constraint> constraints) {
    Set<String> taken = new HashSet<>();
    for (TableSchema schema : snapshot.tables()) {
      taken.add(schema.name());
    }
    for (TableSchema schema : snapshot.tables()) {
      long tableOid = snapshot.table(schema.name()).tableOid();
      // the store keeps each key's constraint name: CONSTRAINT name ... or a default one
      List<String> storedNames = snapshot.table(schema.name()).constraintIndexNames();
      List<List<String>> keys = new ArrayList<>();
      if (!schema.primaryKey().isEmpty()) {
        keys.add(schema.primaryKey());
      }
      keys.addAll(schema.uniqueKeys());
      for (int k = 0; k < keys.size(); k++) {
        boolean primary = k == 0 && !schema.primaryKey().isEmpty();
        List<String> columns = keys.get(k);
        String stored = k < storedNames.size() ? storedNames.get(k) : null;
        String name = stored != null && !isDefaultName(schema.name(), columns, primary, stored)
            && taken.add(stored) ? stored
            : ConstraintNames.choose(schema.name(), columns, primary ? "pkey" : "key", taken);
        long indexOid = CatalogOids.keyIndex(tableOid, k);
        List<Short> attnums = new ArrayList<>();
        for (String c : columns) {
          attnums.add((short) (schema.columnIndex(c) + 1));
        }
        relations.add(new Relation(indexOid, name, CatalogOids.PUBLIC, "i", null, 0, false,
            columns.size()));
        indexes.add(new Index(indexOid, name, tableOid, schema.name(), List.copyOf(attnums),
            List.copyOf(columns), true, primary, null));
        constraints.add(new Constraint(CatalogOids.keyConstraint(tableOid, k), name,
            primary ? "p" : "u", tableOid, indexOid, List.copyOf(attnums)));
      }
    }
  }
}
