package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yggdrasil.planner.session.PgOid;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * The text PostgreSQL's catalog functions produce for the objects of one snapshot:
 * pg_get_indexdef, pg_get_constraintdef, format_type, regclass output and input.
 */
public final class CatalogDescriber {
  /** pg_database_owner, PostgreSQL 15's owner of schema public. */
  public static final long DATABASE_OWNER_ROLE = 6171;

  /** Words quote_ident quotes (PostgreSQL's reserved and type-function keywords). */
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any",
      "array", "as", "asc", "asymmetric", "authorization", "binary", "both", "case", "cast",
      "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
      "current_catalog", "current_date", "current_role", "current_schema", "current_time",
      "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
      "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is",
      "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
      "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
      "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right",
      "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
      "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using",
      "variadic", "verbose", "when", "where", "window", "with");

  private final Snapshot snapshot;
  private final RelationCatalog catalog;

  private CatalogDescriber(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.catalog = RelationCatalog.of(snapshot);
  }

  public static CatalogDescriber of(Snapshot snapshot) {
    return new CatalogDescriber(snapshot);
  }

  /** The role a pg_get_userbyid shows: the session user owns everything Yggdrasil lists. */
  public static String roleName(long role, String sessionUser) {
    if (role == CatalogOids.OWNER) {
      return sessionUser;
    }
    if (role == DATABASE_OWNER_ROLE) {
      return "pg_database_owner";
    }
    return "unknown (OID=" + role + ")";
  }

  /** format_type(type, typmod); {@code typmod} null means "not given". */
  public static String formatType(long type, Integer typmod) {
    int mod = typmod == null ? -1 : typmod;
    String base = switch ((int) type) {
      case PgOid.BOOL -> "boolean";
      case PgOid.CHAR -> "\"char\"";
      case PgOid.INT8 -> "bigint";
      case PgOid.INT2 -> "smallint";
      case PgOid.INT4 -> "integer";
      case PgOid.FLOAT4 -> "real";
      case PgOid.FLOAT8 -> "double precision";
      case PgOid.BPCHAR -> mod > 4 ? "character(" + (mod - 4) + ")"
          : typmod == null ? "character" : "bpchar";
      case PgOid.VARCHAR -> mod > 4 ? "character varying(" + (mod - 4) + ")"
          : "character varying";
      case PgOid.NUMERIC -> mod > 4
          ? "numeric(" + (((mod - 4) >> 16) & 0xffff) + "," + ((mod - 4) & 0xffff) + ")"
          : "numeric";
      case PgOid.TIME -> "time without time zone";
      case PgOid.TIMESTAMP -> "timestamp without time zone";
      case PgOid.TIMESTAMPTZ -> "timestamp with time zone";
      default -> null;
    };
    if (base != null) {
      return base;
    }
    for (PgTypes.Type t : PgTypes.ALL) {
      if (t.oid() == type) {
        return t.name().startsWith("_") ? formatType(t.elementOid(), null) + "[]" : t.name();
      }
    }
    String enumType = EnumCatalog.formatType(type);
    return enumType != null ? enumType : "???";
  }

  /** regtype input: a type's OID from its name ({@code int4}, {@code pg_catalog.text}). */
  public static Long typeOid(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("pg_catalog.")) {
      n = n.substring("pg_catalog.".length());
    }
    if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(n);
    }
    for (PgTypes.Type t : PgTypes.ALL) {
      if (t.name().equals(n) || formatType(t.oid(), null).equals(n)) {
        return (long) t.oid();
      }
    }
    Long enumType = EnumCatalog.typeOid(name.strip());
    if (enumType != null) {
      return enumType;
    }
    throw new org.yggdrasil.catalog.error.SqlStateException(
        org.yggdrasil.catalog.error.SqlState.UNDEFINED_OBJECT,
        "type \"" + name + "\" does not exist");
  }

  /** quote_ident: double-quotes a name unless it is a plain lower-case, non-reserved word. */
  public static String quoteIdentifier(String name) {
    boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0))
        || name.charAt(0) == '_') && !RESERVED.contains(name);
    for (int i = 0; plain && i < name.length(); i++) {
      char c = name.charAt(i);
      plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
          || c > 127;
    }
    return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  public boolean isVisibleRelation(long oid) {
    return catalog.relation(oid) != null || CatalogOids.SYSTEM_RELATIONS.containsValue(oid);
  }

  public boolean isTable(long oid) {
    RelationCatalog.Relation r = catalog.relation(oid);
    return r != null && r.kind().equals("r");
  }

  /**
   * pg_get_indexdef: the CREATE INDEX statement, or the name of key column {@code column}.
   * Pretty-printed, the table is not schema-qualified (it is visible on the search path).
   */
  public String indexDefinition(long indexOid, int column, boolean pretty) {
    RelationCatalog.Index index = catalog.index(indexOid);
    if (index == null) {
      return null;
    }
    if (column > 0) {
      return column <= index.columns().size()
          ? quoteIdentifier(index.columns().get(column - 1)) : "";
    }
    var definition = index.definition();
    String method = definition == null ? "btree" : definition.method();
    String keys = definition == null ? columnList(index.columns())
        : IndexColumns.describe(definition.columns());
    String where = definition == null || definition.predicate() == null ? ""
        : " WHERE (" + definition.predicate() + ")";
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
        + quoteIdentifier(index.name()) + " ON " + (pretty ? "" : "public.")
        + quoteIdentifier(index.tableName()) + " USING " + method + " (" + keys + ")" + where;
  }

  /**
   * pg_get_constraintdef: {@code PRIMARY KEY (id)}, {@code UNIQUE (code)}, {@code FOREIGN KEY
   * (a) REFERENCES t(id) ON DELETE CASCADE}, {@code CHECK (n > 0)} — the check's expression as
   * written, in one more pair of parentheses when not {@code pretty}, as PostgreSQL's deparser
   * puts around an operator expression.
   */
  public String constraintDefinition(long constraintOid, boolean pretty) {
    RelationCatalog.Constraint c = catalog.constraint(constraintOid);
    if (c == null) {
      return null;
    }
    return switch (c.type()) {
      case "f" -> foreignKeyDefinition(c);
      case "c" -> pretty ? "CHECK (" + c.expression() + ")" : "CHECK ((" + c.expression() + "))";
      default -> (c.type().equals("p") ? "PRIMARY KEY" : "UNIQUE") + " ("
          + columnList(catalog.index(c.indexOid()).columns()) + ")";
    };
  }

  private String foreignKeyDefinition(RelationCatalog.Constraint c) {
    RelationCatalog.Relation child = catalog.relation(c.tableOid());
    RelationCatalog.Relation parent = catalog.relation(c.refTableOid());
    StringBuilder out = new StringBuilder("FOREIGN KEY (")
        .append(columnList(names(child, c.keys()))).append(") REFERENCES ")
        .append(quoteIdentifier(parent.name())).append('(')
        .append(columnList(names(parent, c.refKeys()))).append(')');
    String update = action(c.onUpdate());
    String delete = action(c.onDelete());
    if (update != null) {
      out.append(" ON UPDATE ").append(update);
    }
    if (delete != null) {
      out.append(" ON DELETE ").append(delete);
    }
    return out.toString();
  }

  /** The action a pg_constraint letter stands for; null for the default, NO ACTION. */
  private static String action(String letter) {
    return switch (letter) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> null;
    };
  }

  private static List<String> names(RelationCatalog.Relation relation, List<Short> attnums) {
    List<String> out = new ArrayList<>();
    for (short a : attnums) {
      out.add(relation.table().column(a - 1).name());
    }
    return out;
  }

  /** regclass input: the OID of a relation named {@code name} (optionally schema-qualified). */
  public Long relationOid(String name) {
    String text = name.strip();
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(text);
    }
    String schema = null;
    int dot = text.lastIndexOf('.');
    if (dot >= 0) {
      schema = unquote(text.substring(0, dot));
      text = text.substring(dot + 1);
    }
    String relation = unquote(text);
    if (schema == null || schema.equals("pg_catalog")) {
      Long system = CatalogOids.SYSTEM_RELATIONS.get(relation);
      if (system != null) {
        return system;
      }
    }
    if (schema == null || schema.equals("public")) {
      RelationCatalog.Relation r = catalog.relation(relation);
      if (r != null) {
        return r.oid();
      }
      var snapshot = org.yggdrasil.planner.schema.functions.SessionInfo.currentSnapshot();
      for (var s : snapshot.catalog().sequences()) {
        if (s.name().equals(relation)) {
          return s.oid();
        }
      }
    }
    Long attached = schema == null ? null : ForeignCatalog.of(snapshot).oid(schema, relation);
    if (attached != null) {
      return attached;
    }
    throw new org.yggdrasil.catalog.error.SqlStateException(
        org.yggdrasil.catalog.error.SqlState.UNDEFINED_TABLE,
        "relation \"" + name + "\" does not exist");
  }

  /** regclass output: the relation's name, or its OID as text when there is none. */
  public String relationName(long oid) {
    if (oid == 0) {
      return "-"; // InvalidOid, as regclass prints it
    }
    RelationCatalog.Relation r = catalog.relation(oid);
    if (r != null) {
      return quoteIdentifier(r.name());
    }
    for (var e : CatalogOids.SYSTEM_RELATIONS.entrySet()) {
      if (e.getValue() == oid) {
        return e.getKey();
      }
    }
    String attached = ForeignCatalog.of(snapshot).qualifiedName(oid);
    return attached != null ? attached : Long.toString(oid);
  }

  /**
   * pg_relation_size: the bytes of a table's column chunks as the store holds them (indexes and
   * unknown relations: 0, their entries live in the store's key index).
   */
  public long relationSize(long oid) {
    RelationCatalog.Relation r = catalog.relation(oid);
    if (r == null || r.table() == null) {
      return 0;
    }
    var version = snapshot.table(r.name());
    long bytes = 0;
    for (int column = 0; column < r.table().columns().size(); column++) {
      for (int chunk = 0; chunk < version.chunkCount(); chunk++) {
        bytes += version.chunk(column, chunk).data().byteSize();
      }
    }
    return bytes;
  }

  public String functionResult(long oid) {
    ProcCatalog.Proc p = ProcCatalog.find(oid);
    return p == null ? null : formatType(p.returnType(), null);
  }

  public String functionArguments(long oid) {
    ProcCatalog.Proc p = ProcCatalog.find(oid);
    if (p == null) {
      return null;
    }
    List<String> args = new ArrayList<>();
    for (long t : p.argumentTypes()) {
      args.add(formatType(t, null));
    }
    return String.join(", ", args);
  }

  private static String columnList(List<String> columns) {
    List<String> quoted = new ArrayList<>();
    for (String c : columns) {
      quoted.add(quoteIdentifier(c));
    }
    return String.join(", ", quoted);
  }

  private static String unquote(String part) {
    String p = part.strip();
    if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
      return p.substring(1, p.length() - 1).replace("\"\"", "\"");
    }
    return p.toLowerCase(Locale.ROOT);
  }

  Snapshot snapshot() {
    return snapshot;
  }
}
