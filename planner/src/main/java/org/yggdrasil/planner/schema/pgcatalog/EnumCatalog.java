package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.storage.nativestore.EnumDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * The enum types of a snapshot as pg_catalog shows them: their pg_type rows (the enum, typtype
 * {@code e}, and its array type {@code _name}) and pg_enum's labels.
 */
final class EnumCatalog {
  private EnumCatalog() {}

  /** pg_type rows, in {@link PgCatalogSchema}'s column order. */
  static List<Object[]> types(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    if (snapshot == null) {
      return rows;
    }
    for (EnumDef e : snapshot.catalog().enumTypes()) {
      rows.add(new Object[] {e.oid(), e.name(), CatalogOids.PUBLIC, CatalogOids.OWNER, (short) 4,
          true, "e", "E", false, true, ",", 0L, "-", 0L, e.arrayOid(), "enum_in", "enum_out",
          "enum_recv", "enum_send", "i", "p", false, 0L, -1, 0, 0L, null, null, null});
      rows.add(new Object[] {e.arrayOid(), "_" + e.name(), CatalogOids.PUBLIC, CatalogOids.OWNER,
          (short) -1, false, "b", "A", false, true, ",", 0L, "array_subscript_handler", e.oid(),
          0L, "array_in", "array_out", "array_recv", "array_send", "i", "x", false, 0L, -1, 0, 0L,
          null, null, null});
    }
    return rows;
  }

  /** pg_enum rows: oid, enumtypid, enumsortorder, enumlabel. */
  static List<Object[]> labels(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    if (snapshot == null) {
      return rows;
    }
    for (EnumDef e : snapshot.catalog().enumTypes()) {
      for (EnumDef.Label l : e.labels()) {
        rows.add(new Object[] {l.oid(), e.oid(), (float) l.sortOrder(), l.label()});
      }
    }
    return rows;
  }

  /**
   * format_type of an enum type or its array type in the executing statement's snapshot, or null
   * when {@code oid} is neither (or no statement is executing).
   */
  static String formatType(long oid) {
    Snapshot snapshot = executingSnapshot();
    if (snapshot == null) {
      return null;
    }
    for (EnumDef e : snapshot.catalog().enumTypes()) {
      if (e.oid() == oid) {
        return CatalogDescriber.quoteIdentifier(e.name());
      }
      if (e.arrayOid() == oid) {
        return CatalogDescriber.quoteIdentifier(e.name()) + "[]";
      }
    }
    return null;
  }

  /** The OID of the enum type named {@code name} (optionally {@code public.}), or null. */
  static Long typeOid(String name) {
    Snapshot snapshot = executingSnapshot();
    if (snapshot == null) {
      return null;
    }
    String n = name.startsWith("public.") ? name.substring("public.".length()) : name;
    if (n.startsWith("\"") && n.endsWith("\"") && n.length() > 1) {
      n = n.substring(1, n.length() - 1).replace("\"\"", "\"");
    }
    EnumDef e = snapshot.catalog().enumType(n);
    return e == null ? null : e.oid();
  }

  private static Snapshot executingSnapshot() {
    try {
      return SessionInfo.currentSnapshot();
    } catch (IllegalStateException e) {
      return null;
    }
  }
}
