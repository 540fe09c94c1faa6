package org.yggdrasil.planner.schema.functions;

import java.util.List;
import org.apache.calcite.linq4j.function.NonDeterministic;
import org.yggdrasil.planner.schema.pgcatalog.CatalogDescriber;
import org.yggdrasil.planner.schema.pgcatalog.CatalogOids;
import org.yggdrasil.planner.schema.pgcatalog.Descriptions;

/**
 * PostgreSQL's catalog information functions (pg_get_indexdef, format_type, pg_get_userbyid …)
 * as psql's and pgjdbc's catalog queries call them. Public static methods registered by name;
 * non-deterministic so that plans never fold them. They describe the snapshot the executing
 * statement reads.
 */
@NonDeterministic
public final class CatalogFunctions {
  private CatalogFunctions() {}

  public static String pg_get_userbyid(Long role) {
    return role == null ? null : CatalogDescriber.roleName(role, SessionInfo.current().user());
  }

  /**
   * The sequence a serial or identity column owns, as {@code public.t_col_seq}, or NULL.
   * {@code table} may be schema-qualified or quoted, as PostgreSQL accepts it.
   */
  public static String pg_get_serial_sequence(String table, String column) {
    if (table == null || column == null) {
      return null;
    }
    String t = table.strip();
    int dot = t.lastIndexOf('.');
    t = dot >= 0 ? t.substring(dot + 1) : t;
    t = t.startsWith("\"") ? t.substring(1, t.length() - 1) : t.toLowerCase(java.util.Locale.ROOT);
    for (var s : SessionInfo.currentSnapshot().catalog().sequences()) {
      if (t.equals(s.ownedByTable()) && column.equals(s.ownedByColumn())) {
        return "public." + s.name();
      }
    }
    return null;
  }

  public static String pg_encoding_to_char(Integer encoding) {
    if (encoding == null) {
      return null;
    }
    return switch (encoding) {
      case 0 -> "SQL_ASCII";
      case 6 -> "UTF8";
      default -> "";
    };
  }

  public static String format_type(Long type, Integer typmod) {
    return type == null ? null : CatalogDescriber.formatType(type, typmod);
  }

  public static Boolean pg_table_is_visible(Long relation) {
    return relation == null ? null : describer().isVisibleRelation(relation);
  }

  public static Boolean pg_type_is_visible(Long type) {
    return type == null ? null : Boolean.TRUE;
  }

  public static Boolean pg_function_is_visible(Long function) {
    return function == null ? null : Boolean.TRUE;
  }

  public static String pg_get_indexdef(Long index) {
    return pg_get_indexdef(index, 0, false);
  }

  /** The CREATE INDEX statement ({@code column} 0) or the text of one key column. */
  public static String pg_get_indexdef(Long index, Integer column, Boolean pretty) {
    return index == null ? null : describer().indexDefinition(index,
        column == null ? 0 : column, Boolean.TRUE.equals(pretty));
  }

  public static String pg_get_constraintdef(Long constraint) {
    return pg_get_constraintdef(constraint, false);
  }

  public static String pg_get_constraintdef(Long constraint, Boolean pretty) {
    return constraint == null ? null
        : describer().constraintDefinition(constraint, Boolean.TRUE.equals(pretty));
  }

  /** The COMMENT ON text of an object of catalog {@code catalog} (pg_class, pg_namespace). */
  public static String obj_description(Long object, String catalog) {
    if (object == null || catalog == null) {
      return null;
    }
    long classoid = switch (catalog.startsWith("pg_catalog.") ? catalog.substring(11) : catalog) {
      case "pg_class" -> Descriptions.PG_CLASS;
      case "pg_namespace" -> Descriptions.PG_NAMESPACE;
      default -> -1;
    };
    return Descriptions.find(SessionInfo.currentSnapshot(), object, classoid, 0);
  }

  /** The deprecated one-argument form: a comment on the object in any catalog. */
  public static String obj_description(Long object) {
    if (object == null) {
      return null;
    }
    String relation = obj_description(object, "pg_class");
    return relation != null ? relation : obj_description(object, "pg_namespace");
  }

  public static String col_description(Long table, Integer column) {
    return table == null || column == null ? null
        : Descriptions.find(SessionInfo.currentSnapshot(), table, Descriptions.PG_CLASS, column);
  }

  public static String shobj_description(Long object, String catalog) {
    return null;
  }

  /** Yggdrasil has no privileges: the session may do everything. */
  public static Boolean has_table_privilege(String table, String privilege) {
    return Boolean.TRUE;
  }

  public static Boolean has_table_privilege(String user, String table, String privilege) {
    return Boolean.TRUE;
  }

  public static Boolean has_schema_privilege(String schema, String privilege) {
    return Boolean.TRUE;
  }

  public static Boolean has_schema_privilege(String user, String schema, String privilege) {
    return Boolean.TRUE;
  }

  public static Boolean has_database_privilege(String database, String privilege) {
    return Boolean.TRUE;
  }

  public static Boolean has_database_privilege(String user, String database, String privilege) {
    return Boolean.TRUE;
  }

  /** PostgreSQL's quote_ident: quotes unless the name is a plain lower-case identifier. */
  public static String quote_ident(String name) {
    if (name == null) {
      return null;
    }
    return CatalogDescriber.quoteIdentifier(name);
  }

  /**
   * PostgreSQL's quote_literal: the text in single quotes with quotes doubled; text with a
   * backslash becomes an {@code E'…'} string with the backslashes doubled.
   */
  public static String quote_literal(String text) {
    if (text == null) {
      return null;
    }
    String quoted = text.replace("'", "''");
    return text.indexOf('\\') >= 0 ? "E'" + quoted.replace("\\", "\\\\") + "'"
        : "'" + quoted + "'";
  }

  /**
   * A view's query as CREATE VIEW recorded it, in PostgreSQL's shape (a leading space, a
   * closing semicolon) but not re-deparsed: columns stay as written, not qualified.
   */
  public static String pg_get_viewdef(Long view) {
    if (view == null) {
      return null;
    }
    for (var v : SessionInfo.currentSnapshot().catalog().views()) {
      if (v.oid() == view) {
        return " " + v.sql().strip() + ";";
      }
    }
    return null;
  }

  public static String pg_get_viewdef(Long view, Boolean pretty) {
    return pg_get_viewdef(view);
  }

  public static String pg_get_statisticsobjdef_columns(Long statistics) {
    return null;
  }

  public static String pg_get_triggerdef(Long trigger, Boolean pretty) {
    return null;
  }

  public static String pg_get_ruledef(Long rule, Boolean pretty) {
    return null;
  }

  /** No partitioning: a relation has no ancestors (PostgreSQL returns no rows, here NULL). */
  public static Long pg_partition_ancestors(Long relation) {
    return null;
  }

  public static Boolean pg_relation_is_publishable(Long relation) {
    return relation == null ? null : describer().isTable(relation);
  }

  public static String pg_get_function_result(Long function) {
    return function == null ? null : describer().functionResult(function);
  }

  public static String pg_get_function_arguments(Long function) {
    return function == null ? null : describer().functionArguments(function);
  }

  public static String pg_get_function_sqlbody(Long function) {
    return null;
  }

  public static Long pg_relation_size(Long relation) {
    return relation == null ? null : describer().relationSize(relation);
  }

  public static Long pg_total_relation_size(Long relation) {
    return pg_relation_size(relation);
  }

  public static Long pg_table_size(Long relation) {
    return pg_relation_size(relation);
  }

  /** PostgreSQL 15's pg_size_pretty: bytes below 10 kB, then kB … PB, half-rounded. */
  public static String pg_size_pretty(Long bytes) {
    if (bytes == null) {
      return null;
    }
    String[] names = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    long size = bytes;
    for (int unit = 0; ; unit++) {
      boolean round = unit > 0;
      long limit = unit == 0 ? 10 * 1024 : 20 * 1024 - 1;
      if (unit == names.length - 1 || Math.abs(size) < limit) {
        if (round) {
          size = (size + (size < 0 ? -1 : 1)) / 2;
        }
        return size + " " + names[unit];
      }
      // Keep one bit for the next unit's half rounding (dbsize.c).
      int bits = 10 - 1 + (round ? 1 : 0);
      size /= 1L << bits;
    }
  }

  /**
   * An int2vector or oidvector column (pg_index.indkey, …) as text: its elements separated by
   * spaces, as PostgreSQL prints these types ({@code ix.indkey::varchar} in SQLAlchemy).
   */
  public static String ygg_pg_vector_text(List<Object> vector) {
    return array_to_string(vector, " ");
  }

  public static String array_to_string(List<Object> array, String separator) {
    return array_to_string(array, separator, null);
  }

  public static String array_to_string(List<Object> array, String separator, String nullText) {
    if (array == null || separator == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Object element : array) {
      if (element == null && nullText == null) {
        continue;
      }
      if (!first) {
        out.append(separator);
      }
      out.append(element == null ? nullText : element.toString());
      first = false;
    }
    return out.toString();
  }

  /** {@code 'name'::regclass}: the relation's OID; 42P01 when there is none. */
  public static Long ygg_pg_to_regclass(String name) {
    return name == null ? null : describer().relationOid(name);
  }

  /** {@code oid::regclass} as text: the relation's name. */
  public static String ygg_pg_regclass_name(Long oid) {
    return oid == null ? null : describer().relationName(oid);
  }

  /** {@code oid::regnamespace} as text. */
  public static String ygg_pg_regnamespace_name(Long oid) {
    if (oid == null) {
      return null;
    }
    if (oid == CatalogOids.PG_CATALOG) {
      return "pg_catalog";
    }
    if (oid == CatalogOids.PUBLIC) {
      return "public";
    }
    return oid == CatalogOids.INFORMATION_SCHEMA ? "information_schema" : oid.toString();
  }

  /** {@code 'name'::regtype}: the type's OID. */
  public static Long ygg_pg_to_regtype(String name) {
    return name == null ? null : CatalogDescriber.typeOid(name);
  }

  private static CatalogDescriber describer() {
    return CatalogDescriber.of(SessionInfo.currentSnapshot());
  }
}
