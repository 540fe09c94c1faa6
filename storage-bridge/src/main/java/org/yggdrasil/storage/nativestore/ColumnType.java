package org.yggdrasil.storage.nativestore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The column types the native store keeps. Each has one canonical Java class in which its values
 * cross the store's API ({@link #javaClass()}); {@code null} is SQL NULL.
 */
public enum ColumnType {
  BOOL("boolean", Boolean.class),
  INT2("smallint", Short.class),
  INT4("integer", Integer.class),
  INT8("bigint", Long.class),
  FLOAT4("real", Float.class),
  FLOAT8("double precision", Double.class),
  NUMERIC("numeric", BigDecimal.class),
  TEXT("text", String.class),
  VARCHAR("character varying", String.class),
  BPCHAR("character", String.class),
  BYTEA("bytea", byte[].class),
  DATE("date", LocalDate.class),
  TIMESTAMP("timestamp without time zone", LocalDateTime.class),
  TIMESTAMPTZ("timestamp with time zone", OffsetDateTime.class),
  UUID("uuid", java.util.UUID.class);

  private final String sqlName;
  private final Class<?> javaClass;

  ColumnType(String sqlName, Class<?> javaClass) {
    this.sqlName = sqlName;
    this.javaClass = javaClass;
  }

  /** The PostgreSQL name of the type, as error messages spell it. */
  public String sqlName() {
    return sqlName;
  }

  /** The canonical Java class of this type's values. */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** TEXT, VARCHAR or BPCHAR. */
  public boolean isString() {
    return this == TEXT || this == VARCHAR || this == BPCHAR;
  }
}
