package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.planner.session.Setting;
import org.yggdrasil.planner.session.SettingsRegistry;

/**
 * The catalogs that do not depend on the stored tables: namespaces, roles, databases, access
 * methods, settings, tablespaces, collations, languages and functions.
 */
final class SystemTables {
  private SystemTables() {}

  static void register(Map<String, Table> t) {
    t.put("pg_namespace", new CatalogTable(CatalogTable.columns("oid:BIGINT", "nspname:VARCHAR",
        "nspowner:BIGINT", "nspacl:VARCHAR[]"), snapshot -> {
          List<Object[]> rows = new ArrayList<>(List.of(
              new Object[] {CatalogOids.PG_CATALOG, "pg_catalog", CatalogOids.OWNER, null},
              new Object[] {CatalogOids.PUBLIC, "public", CatalogDescriber.DATABASE_OWNER_ROLE,
                  null},
              new Object[] {CatalogOids.INFORMATION_SCHEMA, "information_schema",
                  CatalogOids.OWNER, null}));
          rows.addAll(ForeignCatalog.namespaceRows(snapshot)); // attached systems' schemas
          return rows;
        }));
    t.put("pg_am", new CatalogTable(CatalogTable.columns("oid:BIGINT", "amname:VARCHAR",
        "amhandler:VARCHAR", "amtype:VARCHAR"), snapshot -> List.of(
            new Object[] {CatalogOids.HEAP_AM, "heap", "heap_tableam_handler", "t"},
            new Object[] {CatalogOids.BTREE_AM, "btree", "bthandler", "i"},
            new Object[] {405L, "hash", "hashhandler", "i"})));
    String[] roleColumns = {"oid:BIGINT", "rolname:VARCHAR", "rolsuper:BOOLEAN",
        "rolinherit:BOOLEAN", "rolcreaterole:BOOLEAN", "rolcreatedb:BOOLEAN",
        "rolcanlogin:BOOLEAN", "rolreplication:BOOLEAN", "rolconnlimit:INTEGER",
        "rolpassword:VARCHAR", "rolvaliduntil:TIMESTAMP_WITH_LOCAL_TIME_ZONE",
        "rolbypassrls:BOOLEAN", "rolconfig:VARCHAR[]"};
    t.put("pg_roles", new CatalogTable(CatalogTable.columns(roleColumns),
        snapshot -> roles("********")));
    t.put("pg_authid", new CatalogTable(CatalogTable.columns(roleColumns),
        snapshot -> roles(null)));
    t.put("pg_user", new CatalogTable(CatalogTable.columns("usename:VARCHAR",
        "usesysid:BIGINT", "usecreatedb:BOOLEAN", "usesuper:BOOLEAN", "userepl:BOOLEAN",
        "usebypassrls:BOOLEAN", "passwd:VARCHAR", "valuntil:TIMESTAMP_WITH_LOCAL_TIME_ZONE",
        "useconfig:VARCHAR[]"), snapshot -> List.<Object[]>of(new Object[] {
            SessionInfo.current().user(), CatalogOids.OWNER, true, true, true, true, "********",
            null, null})));
    t.put("pg_auth_members", CatalogTable.empty("roleid:BIGINT", "member:BIGINT",
        "grantor:BIGINT", "admin_option:BOOLEAN"));
    t.put("pg_database", new CatalogTable(CatalogTable.columns("oid:BIGINT", "datname:VARCHAR",
        "datdba:BIGINT", "encoding:INTEGER", "datlocprovider:VARCHAR", "datistemplate:BOOLEAN",
        "datallowconn:BOOLEAN", "datconnlimit:INTEGER", "dattablespace:BIGINT",
        "datcollate:VARCHAR", "datctype:VARCHAR", "daticulocale:VARCHAR",
        "datcollversion:VARCHAR", "datacl:VARCHAR[]"), snapshot -> databases()));
    t.put("pg_stat_activity", new CatalogTable(CatalogTable.columns("datid:BIGINT",
        "datname:VARCHAR", "pid:INTEGER", "leader_pid:INTEGER", "usesysid:BIGINT",
        "usename:VARCHAR", "application_name:VARCHAR", "client_addr:VARCHAR",
        "client_hostname:VARCHAR", "client_port:INTEGER",
        "backend_start:TIMESTAMP_WITH_LOCAL_TIME_ZONE", "xact_start:TIMESTAMP_WITH_LOCAL_TIME_ZONE",
        "query_start:TIMESTAMP_WITH_LOCAL_TIME_ZONE", "state_change:TIMESTAMP_WITH_LOCAL_TIME_ZONE",
        "wait_event_type:VARCHAR", "wait_event:VARCHAR", "state:VARCHAR", "backend_xid:VARCHAR",
        "backend_xmin:VARCHAR", "query_id:BIGINT", "query:VARCHAR", "backend_type:VARCHAR"),
        snapshot -> activity()));
    t.put("pg_settings", new CatalogTable(CatalogTable.columns("name:VARCHAR",
        "setting:VARCHAR", "unit:VARCHAR", "category:VARCHAR", "short_desc:VARCHAR",
        "extra_desc:VARCHAR", "context:VARCHAR", "vartype:VARCHAR", "source:VARCHAR",
        "min_val:VARCHAR", "max_val:VARCHAR", "enumvals:VARCHAR[]", "boot_val:VARCHAR",
        "reset_val:VARCHAR", "sourcefile:VARCHAR", "sourceline:INTEGER",
        "pending_restart:BOOLEAN"), snapshot -> settings()));
    t.put("pg_tablespace", new CatalogTable(CatalogTable.columns("oid:BIGINT",
        "spcname:VARCHAR", "spcowner:BIGINT", "spcacl:VARCHAR[]", "spcoptions:VARCHAR[]"),
        snapshot -> List.of(new Object[] {1663L, "pg_default", CatalogOids.OWNER, null, null},
            new Object[] {1664L, "pg_global", CatalogOids.OWNER, null, null})));
    t.put("pg_collation", new CatalogTable(CatalogTable.columns("oid:BIGINT",
        "collname:VARCHAR", "collnamespace:BIGINT", "collowner:BIGINT", "collprovider:VARCHAR",
        "collisdeterministic:BOOLEAN", "collencoding:INTEGER", "collcollate:VARCHAR",
        "collctype:VARCHAR", "colliculocale:VARCHAR", "collversion:VARCHAR"),
        snapshot -> List.of(
            new Object[] {CatalogOids.DEFAULT_COLLATION, "default", CatalogOids.PG_CATALOG,
                CatalogOids.OWNER, "d", true, -1, null, null, null, null},
            new Object[] {950L, "C", CatalogOids.PG_CATALOG, CatalogOids.OWNER, "c", true, -1,
                "C", "C", null, null},
            new Object[] {951L, "POSIX", CatalogOids.PG_CATALOG, CatalogOids.OWNER, "c", true,
                -1, "POSIX", "POSIX", null, null})));
    t.put("pg_language", new CatalogTable(CatalogTable.columns("oid:BIGINT", "lanname:VARCHAR",
        "lanowner:BIGINT", "lanispl:BOOLEAN", "lanpltrusted:BOOLEAN"), snapshot -> List.of(
            new Object[] {12L, "internal", CatalogOids.OWNER, false, false},
            new Object[] {13L, "c", CatalogOids.OWNER, false, false},
            new Object[] {14L, "sql", CatalogOids.OWNER, false, true})));
    t.put("pg_proc", new CatalogTable(CatalogTable.columns("oid:BIGINT", "proname:VARCHAR",
        "pronamespace:BIGINT", "proowner:BIGINT", "prolang:BIGINT", "procost:REAL",
        "prorows:REAL", "provariadic:BIGINT", "prosupport:VARCHAR", "prokind:VARCHAR",
        "prosecdef:BOOLEAN", "proleakproof:BOOLEAN", "proisstrict:BOOLEAN", "proretset:BOOLEAN",
        "provolatile:VARCHAR", "proparallel:VARCHAR", "pronargs:SMALLINT",
        "pronargdefaults:SMALLINT", "prorettype:BIGINT", "proargtypes:BIGINT[]",
        "proallargtypes:BIGINT[]", "proargmodes:VARCHAR[]", "proargnames:VARCHAR[]",
        "proargdefaults:VARCHAR", "protrftypes:BIGINT[]", "prosrc:VARCHAR", "probin:VARCHAR",
        "prosqlbody:VARCHAR", "proconfig:VARCHAR[]", "proacl:VARCHAR[]"),
        snapshot -> procs()));
  }

  private static List<Object[]> roles(String password) {
    List<Object[]> rows = new ArrayList<>();
    // A superuser (who may do everything), with no other attribute, as psql's \du shows it.
    rows.add(new Object[] {CatalogOids.OWNER, SessionInfo.current().user(), true, true, false,
        false, true, false, -1, password, null, false, null});
    rows.add(new Object[] {CatalogDescriber.DATABASE_OWNER_ROLE, "pg_database_owner", false,
        true, false, false, false, false, -1, password, null, false, null});
    return rows;
  }

  private static List<Object[]> databases() {
    List<Object[]> rows = new ArrayList<>();
    for (String name : SessionInfo.currentDatabases()) {
      // Stable enough for clients that join on it: derived from the name.
      long oid = 16_000_000L + (name.hashCode() & 0xFFFFFL);
      rows.add(new Object[] {oid, name, CatalogOids.OWNER, 6, "c", false, true, -1, 1663L, "C",
          "C", null, null, null});
    }
    return rows;
  }

  private static List<Object[]> settings() {
    List<Object[]> rows = new ArrayList<>();
    SessionInfo session = SessionInfo.current();
    for (Setting s : SettingsRegistry.all()) {
      String value = session.setting().apply(s.name());
      rows.add(new Object[] {s.name(), value, null, "Yggdrasil", s.description(), null,
          s.readOnly() ? "internal" : "user", "string", "default", null, null, null,
          s.defaultValue(), s.defaultValue(), null, null, false});
    }
    return rows;
  }

  private static List<Object[]> procs() {
    List<Object[]> rows = new ArrayList<>();
    for (ProcCatalog.Proc p : ProcCatalog.ALL) {
      rows.add(new Object[] {p.oid(), p.name(), CatalogOids.PG_CATALOG, CatalogOids.OWNER, 12L,
          1f, 0f, 0L, "-", "f", false, false, false, false, "s", "s",
          (short) p.argumentTypes().size(), (short) 0, p.returnType(), p.argumentTypes(), null,
          null, null, null, null, p.name(), null, null, null, null});
    }
    return Collections.unmodifiableList(rows);
  }

  /** pg_stat_activity: one row per session of the server (see BackendControl#activity). */
  private static List<Object[]> activity() {
    var backends = org.yggdrasil.planner.schema.functions.SessionInfo.current().backends();
    List<Object[]> rows = new java.util.ArrayList<>();
    if (backends == null) {
      return rows;
    }
    for (Object[] a : backends.activity()) {
      rows.add(new Object[] {null, a[0], a[1], null, null, a[2], a[3], "127.0.0.1", null, null,
          micros(a[4]), micros(a[5]), micros(a[6]), micros(a[6]), null, null, a[7], null, null,
          null, a[8], "client backend"});
    }
    return rows;
  }

  private static Long micros(Object instant) {
    return instant instanceof java.time.Instant i
        ? org.yggdrasil.planner.schema.functions.TimestampMicros.of(i) : null;
  }
}
