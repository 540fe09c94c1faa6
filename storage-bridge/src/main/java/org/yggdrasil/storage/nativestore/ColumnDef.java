package org.yggdrasil.storage.nativestore;

import java.util.Objects;

/**
 * One column of a table. {@code length}: n of varchar(n)/bpchar(n), the precision p of
 * numeric(p, s), else -1. {@code scale}: s of numeric(p, s), else -1. {@code defaultSql}: the
 * DEFAULT expression's SQL text or null; the planner evaluates it, the store only keeps it.
 * {@code userType}: the enum type of the column (its values are stored as {@code type}), or null.
 */
public record ColumnDef(String name, ColumnType type, int length, int scale, boolean notNull,
    String defaultSql, UserType userType) {

  public ColumnDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A column of a built-in type. */
  public ColumnDef(String name, ColumnType type, int length, int scale, boolean notNull,
      String defaultSql) {
    this(name, type, length, scale, notNull, defaultSql, null);
  }

  /** A nullable column without length, scale or default. */
  public static ColumnDef of(String name, ColumnType type) {
    return new ColumnDef(name, type, -1, -1, false, null);
  }

  public ColumnDef withName(String newName) {
    return new ColumnDef(newName, type, length, scale, notNull, defaultSql, userType);
  }

  public ColumnDef withNotNull(boolean newNotNull) {
    return new ColumnDef(name, type, length, scale, newNotNull, defaultSql, userType);
  }

  public ColumnDef withDefaultSql(String newDefaultSql) {
    return new ColumnDef(name, type, length, scale, notNull, newDefaultSql, userType);
  }

  /** The type as PostgreSQL prints it, e.g. {@code character varying(5)}, {@code numeric(10,2)}. */
  public String typeName() {
    if (userType != null) {
      return userType.name();
    }
    return switch (type) {
      case VARCHAR, BPCHAR -> length > 0 ? type.sqlName() + "(" + length + ")" : type.sqlName();
      case NUMERIC -> length > 0 ? "numeric(" + length + "," + Math.max(scale, 0) + ")" : "numeric";
      default -> type.sqlName();
    };
  }
}
