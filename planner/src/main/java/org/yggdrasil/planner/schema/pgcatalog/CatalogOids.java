package org.yggdrasil.planner.schema.pgcatalog;

import java.util.Map;

/**
 * The OIDs pg_catalog hands out. Namespaces and system catalogs have PostgreSQL's fixed OIDs;
 * the index and constraint behind a table's k-th key, and its foreign keys and checks, derive
 * from the table's OID (the store
 * allocates table OIDs from 16384 up), in ranges no table OID reaches.
 */
public final class CatalogOids {
  public static final long PG_CATALOG = 11;
  public static final long PUBLIC = 2200;
  public static final long INFORMATION_SCHEMA = 13000;
  /** The bootstrap superuser, owner of everything Yggdrasil shows. */
  public static final long OWNER = 10;
  public static final long HEAP_AM = 2;
  public static final long BTREE_AM = 403;
  public static final long DEFAULT_COLLATION = 100;

  private static final long KEYS_PER_TABLE = 64;
  private static final long INDEX_BASE = 1_000_000_000L;
  private static final long CONSTRAINT_BASE = 1_500_000_000L;
  private static final long FOREIGN_KEY_BASE = 1_600_000_000L;
  private static final long CHECK_BASE = 1_700_000_000L;

  /** System catalogs clients name in {@code 'pg_class'::regclass} and the like. */
  static final Map<String, Long> SYSTEM_RELATIONS = Map.ofEntries(
      Map.entry("pg_type", 1247L), Map.entry("pg_attribute", 1249L),
      Map.entry("pg_proc", 1255L), Map.entry("pg_class", 1259L),
      Map.entry("pg_database", 1262L), Map.entry("pg_authid", 1260L),
      Map.entry("pg_am", 2601L), Map.entry("pg_attrdef", 2604L),
      Map.entry("pg_constraint", 2606L), Map.entry("pg_description", 2609L),
      Map.entry("pg_index", 2610L), Map.entry("pg_namespace", 2615L),
      Map.entry("pg_rewrite", 2618L), Map.entry("pg_trigger", 2620L),
      Map.entry("pg_extension", 3079L), Map.entry("pg_collation", 3456L),
      Map.entry("pg_sequence", 2224L), Map.entry("pg_depend", 2608L),
      Map.entry("pg_inherits", 2611L), Map.entry("pg_enum", 3501L),
      Map.entry("pg_tablespace", 1213L), Map.entry("pg_shdescription", 2396L));

  private CatalogOids() {}

  public static long keyIndex(long tableOid, int key) {
    return INDEX_BASE + tableOid * KEYS_PER_TABLE + key;
  }

  public static long keyConstraint(long tableOid, int key) {
    return CONSTRAINT_BASE + tableOid * KEYS_PER_TABLE + key;
  }

  /** The table's {@code n}-th FOREIGN KEY constraint. */
  public static long foreignKey(long tableOid, int n) {
    return FOREIGN_KEY_BASE + tableOid * KEYS_PER_TABLE + n;
  }

  /** The table's {@code n}-th CHECK constraint. */
  public static long check(long tableOid, int n) {
    return CHECK_BASE + tableOid * KEYS_PER_TABLE + n;
  }
}
