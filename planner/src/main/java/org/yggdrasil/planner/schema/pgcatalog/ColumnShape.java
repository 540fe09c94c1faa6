package org.yggdrasil.planner.schema.pgcatalog;

import org.yggdrasil.storage.nativestore.ColumnDef;

/**
 * How information_schema.columns describes a stored column's type: the SQL name and the
 * length, precision and scale figures PostgreSQL 15 reports for it.
 */
record ColumnShape(String dataType, String udtName, Integer maximumLength, Integer octetLength,
    Integer precision, Integer radix, Integer scale, Integer datetimePrecision) {
  /** Octet length PostgreSQL reports for text without a limit (1 GB). */
  private static final int UNLIMITED_OCTETS = 1_073_741_824;
  /** Bytes per character in UTF8, as octet lengths count them. */
  private static final int MAX_BYTES_PER_CHAR = 4;

  static ColumnShape of(ColumnDef c) {
    if (c.userType() != null) {
      return simple("USER-DEFINED", c.userType().name());
    }
    return switch (c.type()) {
      case BOOL -> simple("boolean", "bool");
      case INT2 -> integer("smallint", "int2", 16);
      case INT4 -> integer("integer", "int4", 32);
      case INT8 -> integer("bigint", "int8", 64);
      case FLOAT4 -> new ColumnShape("real", "float4", null, null, 24, 2, null, null);
      case FLOAT8 -> new ColumnShape("double precision", "float8", null, null, 53, 2, null, null);
      case NUMERIC -> c.length() > 0
          ? new ColumnShape("numeric", "numeric", null, null, c.length(), 10,
              Math.max(c.scale(), 0), null)
          : new ColumnShape("numeric", "numeric", null, null, null, 10, null, null);
      case TEXT -> text("text", "text", -1);
      case VARCHAR -> text("character varying", "varchar", c.length());
      case BPCHAR -> text("character", "bpchar", c.length());
      case BYTEA -> simple("bytea", "bytea");
      case DATE -> new ColumnShape("date", "date", null, null, null, null, null, 0);
      case TIMESTAMP -> new ColumnShape("timestamp without time zone", "timestamp", null, null,
          null, null, null, 6);
      case TIMESTAMPTZ -> new ColumnShape("timestamp with time zone", "timestamptz", null, null,
          null, null, null, 6);
      case UUID -> simple("uuid", "uuid");
    };
  }

  private static ColumnShape simple(String name, String udt) {
    return new ColumnShape(name, udt, null, null, null, null, null, null);
  }

  private static ColumnShape integer(String name, String udt, int bits) {
    return new ColumnShape(name, udt, null, null, bits, 2, 0, null);
  }

  private static ColumnShape text(String name, String udt, int length) {
    return length > 0
        ? new ColumnShape(name, udt, length, length * MAX_BYTES_PER_CHAR, null, null, null, null)
        : new ColumnShape(name, udt, null, UNLIMITED_OCTETS, null, null, null, null);
  }
}
