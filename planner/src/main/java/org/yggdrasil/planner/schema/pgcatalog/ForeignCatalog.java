package org.yggdrasil.planner.schema.pgcatalog;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.yggdrasil.planner.attach.AttachedSchemas;
import org.yggdrasil.planner.attach.ServerDef;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * The attached systems as PostgreSQL shows foreign tables: a namespace per server (its SQL
 * schema), a pg_class row of relkind {@code f} per table with its pg_attribute rows, and the
 * pg_foreign_data_wrapper, pg_foreign_server and pg_foreign_table rows behind them, so that
 * psql's \dn, \d, \dE, \des, \dew and drivers' metadata calls list them. Built from the
 * statement's snapshot, so it follows the session's branch like the rest of pg_catalog.
 */
record ForeignCatalog(List<Namespace> namespaces, List<Wrapper> wrappers, List<Server> servers,
    List<ForeignTable> tables) {

  /** A pg_namespace row: the schema an attached system's tables appear in. */
  record Namespace(long oid, String name) {}

  /** A pg_foreign_data_wrapper row: {@code git}, {@code files}, … */
  record Wrapper(long oid, String name) {}

  /** A pg_foreign_server row; {@code options} as PostgreSQL keeps them, {@code key=value}. */
  record Server(long oid, String name, long wrapper, List<String> options) {}

  /** A pg_class row of kind {@code f} and its pg_foreign_table row. */
  record ForeignTable(long oid, String name, long namespace, long server,
      List<ColumnDef> columns) {}

  private static final ForeignCatalog EMPTY =
      new ForeignCatalog(List.of(), List.of(), List.of(), List.of());

  /** The last catalog built and its snapshot, weakly (see RelationCatalog). */
  private record Built(WeakReference<Snapshot> snapshot, ForeignCatalog catalog) {}

  private static volatile Built last;

  /** The foreign objects of {@code snapshot}; empty outside a session. */
  static ForeignCatalog of(Snapshot snapshot) {
    Built cached = last;
    if (cached != null && cached.snapshot().get() == snapshot) {
      return cached.catalog();
    }
    List<AttachedSchemas.Relation> relations = AttachedSchemas.relations(snapshot);
    if (relations.isEmpty()) {
      return EMPTY; // not cached: outside a session it is empty for lack of the systems
    }
    ForeignCatalog built = build(relations);
    last = new Built(new WeakReference<>(snapshot), built);
    return built;
  }

  private static ForeignCatalog build(List<AttachedSchemas.Relation> relations) {
    Set<Long> taken = new HashSet<>();
    Map<String, Wrapper> wrappers = new LinkedHashMap<>();
    Map<String, Server> servers = new LinkedHashMap<>();
    Map<String, Namespace> namespaces = new LinkedHashMap<>();
    List<ForeignTable> tables = new ArrayList<>();
    for (AttachedSchemas.Relation r : relations) {
      ServerDef def = r.server();
      Wrapper wrapper = wrappers.computeIfAbsent(def.wrapper(),
          w -> new Wrapper(ForeignOids.of("wrapper", w, taken), w));
      Server server = servers.computeIfAbsent(def.name(), s -> new Server(
          ForeignOids.of("server", s, taken), s, wrapper.oid(), options(def)));
      Namespace namespace = namespaces.computeIfAbsent(def.name(),
          s -> new Namespace(ForeignOids.of("namespace", s, taken), s));
      tables.add(new ForeignTable(ForeignOids.of("table", def.name() + "." + r.name(), taken),
          r.name(), namespace.oid(), server.oid(), r.columns()));
    }
    return new ForeignCatalog(List.copyOf(namespaces.values()), List.copyOf(wrappers.values()),
        List.copyOf(servers.values()), List.copyOf(tables));
  }

  private static List<String> options(ServerDef def) {
    List<String> out = new ArrayList<>();
    def.options().forEach((k, v) -> out.add(k + "=" + v));
    return out.isEmpty() ? null : List.copyOf(out);
  }

  /** pg_foreign_data_wrapper, pg_foreign_server and pg_foreign_table. */
  static void register(Map<String, Table> t) {
    t.put("pg_foreign_data_wrapper", new CatalogTable(CatalogTable.columns("oid:BIGINT",
        "fdwname:VARCHAR", "fdwowner:BIGINT", "fdwhandler:VARCHAR", "fdwvalidator:VARCHAR",
        "fdwacl:VARCHAR[]", "fdwoptions:VARCHAR[]"), snapshot -> {
          List<Object[]> rows = new ArrayList<>();
          for (Wrapper w : of(snapshot).wrappers()) {
            // regproc columns hold function names here (as pg_type.typinput does); a wrapper
            // is Java code, not a handler function: "-", PostgreSQL's text of InvalidOid
            rows.add(new Object[] {w.oid(), w.name(), CatalogOids.OWNER, "-", "-", null, null});
          }
          return rows;
        }));
    t.put("pg_foreign_server", new CatalogTable(CatalogTable.columns("oid:BIGINT",
        "srvname:VARCHAR", "srvowner:BIGINT", "srvfdw:BIGINT", "srvtype:VARCHAR",
        "srvversion:VARCHAR", "srvacl:VARCHAR[]", "srvoptions:VARCHAR[]"), snapshot -> {
          List<Object[]> rows = new ArrayList<>();
          for (Server s : of(snapshot).servers()) {
            rows.add(new Object[] {s.oid(), s.name(), CatalogOids.OWNER, s.wrapper(), null,
                null, null, s.options()});
          }
          return rows;
        }));
    t.put("pg_foreign_table", new CatalogTable(CatalogTable.columns("ftrelid:BIGINT",
        "ftserver:BIGINT", "ftoptions:VARCHAR[]"), snapshot -> {
          List<Object[]> rows = new ArrayList<>();
          for (ForeignTable f : of(snapshot).tables()) {
            rows.add(new Object[] {f.oid(), f.server(), null});
          }
          return rows;
        }));
  }

  /** pg_namespace rows of the attached systems' schemas. */
  static List<Object[]> namespaceRows(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace n : of(snapshot).namespaces()) {
      rows.add(new Object[] {n.oid(), n.name(), CatalogOids.OWNER, null});
    }
    return rows;
  }

  /** pg_class rows of the attached tables, as PostgreSQL 15 has them for a foreign table. */
  static List<Object[]> classRows(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (ForeignTable f : of(snapshot).tables()) {
      rows.add(new Object[] {f.oid(), f.name(), f.namespace(), 0L, 0L, CatalogOids.OWNER, 0L,
          0L, 0L, 0, -1f, 0, 0L, false, false, "p", "f", (short) f.columns().size(), (short) 0,
          false, false, false, false, false, true, "n", false, 0L, null, null, null});
    }
    return rows;
  }

  /** pg_attribute rows of the attached tables' columns. */
  static List<Object[]> attributeRows(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (ForeignTable f : of(snapshot).tables()) {
      for (int i = 0; i < f.columns().size(); i++) {
        ColumnDef c = f.columns().get(i);
        rows.add(RelationTables.attribute(f.oid(), c, i + 1, c.notNull(), false));
      }
    }
    return rows;
  }

  /** The OID of attached table {@code schema.table}, or null. */
  Long oid(String schema, String table) {
    for (ForeignTable f : tables) {
      if (f.name().equals(table) && schema.equals(namespaceName(f.namespace()))) {
        return f.oid();
      }
    }
    return null;
  }

  /**
   * regclass output of an attached table: schema-qualified, as PostgreSQL prints a relation
   * outside the search path; null when {@code oid} is none.
   */
  String qualifiedName(long oid) {
    for (ForeignTable f : tables) {
      if (f.oid() == oid) {
        return CatalogDescriber.quoteIdentifier(namespaceName(f.namespace())) + "."
            + CatalogDescriber.quoteIdentifier(f.name());
      }
    }
    return null;
  }

  private String namespaceName(long oid) {
    for (Namespace n : namespaces) {
      if (n.oid() == oid) {
        return n.name();
      }
    }
    return null;
  }
}
