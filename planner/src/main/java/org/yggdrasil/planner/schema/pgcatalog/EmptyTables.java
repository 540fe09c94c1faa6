package org.yggdrasil.planner.schema.pgcatalog;

import java.util.Map;
import org.apache.calcite.schema.Table;

/**
 * Catalogs of features Yggdrasil does not have (inheritance, triggers, rules, policies,
 * extended statistics, publications, extensions, dependencies): empty, with PostgreSQL 15's
 * columns, so that psql's and drivers' queries that join them run and find nothing.
 */
final class EmptyTables {
  private EmptyTables() {}

  static void register(Map<String, Table> t) {
    t.put("pg_inherits", CatalogTable.empty("inhrelid:BIGINT", "inhparent:BIGINT",
        "inhseqno:INTEGER", "inhdetachpending:BOOLEAN"));
    t.put("pg_partitioned_table", CatalogTable.empty("partrelid:BIGINT", "partstrat:VARCHAR",
        "partnatts:SMALLINT", "partdefid:BIGINT", "partattrs:SMALLINT[]"));
    t.put("pg_depend", CatalogTable.empty("classid:BIGINT", "objid:BIGINT", "objsubid:INTEGER",
        "refclassid:BIGINT", "refobjid:BIGINT", "refobjsubid:INTEGER", "deptype:VARCHAR"));
    t.put("pg_shdescription", CatalogTable.empty("objoid:BIGINT", "classoid:BIGINT",
        "description:VARCHAR"));
    t.put("pg_trigger", CatalogTable.empty("oid:BIGINT", "tgrelid:BIGINT", "tgparentid:BIGINT",
        "tgname:VARCHAR", "tgfoid:BIGINT", "tgtype:SMALLINT", "tgenabled:VARCHAR",
        "tgisinternal:BOOLEAN", "tgconstrrelid:BIGINT", "tgconstrindid:BIGINT",
        "tgconstraint:BIGINT", "tgdeferrable:BOOLEAN", "tginitdeferred:BOOLEAN",
        "tgnargs:SMALLINT", "tgattr:SMALLINT[]", "tgargs:VARCHAR", "tgqual:VARCHAR",
        "tgoldtable:VARCHAR", "tgnewtable:VARCHAR"));
    t.put("pg_rewrite", CatalogTable.empty("oid:BIGINT", "rulename:VARCHAR", "ev_class:BIGINT",
        "ev_type:VARCHAR", "ev_enabled:VARCHAR", "is_instead:BOOLEAN", "ev_qual:VARCHAR",
        "ev_action:VARCHAR"));
    t.put("pg_policy", CatalogTable.empty("oid:BIGINT", "polname:VARCHAR", "polrelid:BIGINT",
        "polcmd:VARCHAR", "polpermissive:BOOLEAN", "polroles:BIGINT[]", "polqual:VARCHAR",
        "polwithcheck:VARCHAR"));
    t.put("pg_statistic_ext", CatalogTable.empty("oid:BIGINT", "stxrelid:BIGINT",
        "stxname:VARCHAR", "stxnamespace:BIGINT", "stxowner:BIGINT", "stxstattarget:INTEGER",
        "stxkeys:SMALLINT[]", "stxkind:VARCHAR[]", "stxexprs:VARCHAR"));
    t.put("pg_publication", CatalogTable.empty("oid:BIGINT", "pubname:VARCHAR",
        "pubowner:BIGINT", "puballtables:BOOLEAN", "pubinsert:BOOLEAN", "pubupdate:BOOLEAN",
        "pubdelete:BOOLEAN", "pubtruncate:BOOLEAN", "pubviaroot:BOOLEAN"));
    t.put("pg_publication_namespace", CatalogTable.empty("oid:BIGINT", "pnpubid:BIGINT",
        "pnnspid:BIGINT"));
    t.put("pg_publication_rel", CatalogTable.empty("oid:BIGINT", "prpubid:BIGINT",
        "prrelid:BIGINT", "prqual:VARCHAR", "prattrs:SMALLINT[]"));
    t.put("pg_extension", CatalogTable.empty("oid:BIGINT", "extname:VARCHAR",
        "extowner:BIGINT", "extnamespace:BIGINT", "extrelocatable:BOOLEAN",
        "extversion:VARCHAR", "extconfig:BIGINT[]", "extcondition:VARCHAR[]"));
    t.put("pg_opclass", CatalogTable.empty("oid:BIGINT", "opcmethod:BIGINT", "opcname:VARCHAR",
        "opcnamespace:BIGINT", "opcowner:BIGINT", "opcfamily:BIGINT", "opcintype:BIGINT",
        "opcdefault:BOOLEAN", "opckeytype:BIGINT"));
  }
}
