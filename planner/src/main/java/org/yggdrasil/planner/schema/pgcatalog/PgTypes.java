package org.yggdrasil.planner.schema.pgcatalog;

import java.util.List;
import org.yggdrasil.planner.session.PgOid;

/** The built-in types pg_type lists: OID, name, length, category, array type. */
final class PgTypes {
  record Type(int oid, String name, int length, String category, int arrayOid, int elementOid) {}

  static final List<Type> ALL = List.of(
      new Type(PgOid.BOOL, "bool", 1, "B", PgOid.BOOL_ARRAY, 0),
      new Type(PgOid.BYTEA, "bytea", -1, "U", 1001, 0),
      new Type(PgOid.CHAR, "char", 1, "Z", 1002, 0),
      new Type(PgOid.NAME, "name", 64, "S", 1003, 0),
      new Type(PgOid.INT8, "int8", 8, "N", PgOid.INT8_ARRAY, 0),
      new Type(PgOid.INT2, "int2", 2, "N", PgOid.INT2_ARRAY, 0),
      new Type(PgOid.INT4, "int4", 4, "N", PgOid.INT4_ARRAY, 0),
      new Type(PgOid.REGPROC, "regproc", 4, "N", 1008, 0),
      new Type(PgOid.TEXT, "text", -1, "S", PgOid.TEXT_ARRAY, 0),
      new Type(PgOid.OID, "oid", 4, "N", PgOid.OID_ARRAY, 0),
      new Type(PgOid.JSON, "json", -1, "U", 199, 0),
      new Type(PgOid.FLOAT4, "float4", 4, "N", PgOid.FLOAT4_ARRAY, 0),
      new Type(PgOid.FLOAT8, "float8", 8, "N", PgOid.FLOAT8_ARRAY, 0),
      new Type(PgOid.UNKNOWN, "unknown", -2, "X", 0, 0),
      new Type(PgOid.BPCHAR, "bpchar", -1, "S", 1014, 0),
      new Type(PgOid.VARCHAR, "varchar", -1, "S", PgOid.VARCHAR_ARRAY, 0),
      new Type(PgOid.DATE, "date", 4, "D", 1182, 0),
      new Type(PgOid.TIME, "time", 8, "D", 1183, 0),
      new Type(PgOid.TIMESTAMP, "timestamp", 8, "D", 1115, 0),
      new Type(PgOid.TIMESTAMPTZ, "timestamptz", 8, "D", 1185, 0),
      new Type(PgOid.INTERVAL, "interval", 16, "T", 1187, 0),
      new Type(PgOid.NUMERIC, "numeric", -1, "N", 1231, 0),
      new Type(PgOid.UUID, "uuid", 16, "U", 2951, 0),
      new Type(PgOid.JSONB, "jsonb", -1, "U", 3807, 0),
      new Type(PgOid.REGCLASS, "regclass", 4, "N", 2210, 0),
      new Type(2206, "regtype", 4, "N", 2211, 0),
      new Type(4089, "regnamespace", 4, "N", 4090, 0),
      new Type(PgOid.INT2VECTOR, "int2vector", -1, "A", 1006, PgOid.INT2),
      new Type(30, "oidvector", -1, "A", 1013, PgOid.OID),
      new Type(194, "pg_node_tree", -1, "Z", 0, 0),
      new Type(1033, "aclitem", 12, "U", 1034, 0),
      new Type(2277, "anyarray", -1, "P", 0, 0),
      new Type(2249, "record", -1, "P", 2287, 0),
      new Type(2278, "void", 4, "P", 0, 0),
      new Type(PgOid.BOOL_ARRAY, "_bool", -1, "A", 0, PgOid.BOOL),
      new Type(PgOid.INT2_ARRAY, "_int2", -1, "A", 0, PgOid.INT2),
      new Type(PgOid.INT4_ARRAY, "_int4", -1, "A", 0, PgOid.INT4),
      new Type(PgOid.TEXT_ARRAY, "_text", -1, "A", 0, PgOid.TEXT),
      new Type(PgOid.VARCHAR_ARRAY, "_varchar", -1, "A", 0, PgOid.VARCHAR),
      new Type(PgOid.INT8_ARRAY, "_int8", -1, "A", 0, PgOid.INT8),
      new Type(PgOid.FLOAT4_ARRAY, "_float4", -1, "A", 0, PgOid.FLOAT4),
      new Type(PgOid.FLOAT8_ARRAY, "_float8", -1, "A", 0, PgOid.FLOAT8),
      new Type(PgOid.OID_ARRAY, "_oid", -1, "A", 0, PgOid.OID),
      new Type(1001, "_bytea", -1, "A", 0, PgOid.BYTEA),
      new Type(1002, "_char", -1, "A", 0, PgOid.CHAR),
      new Type(1003, "_name", -1, "A", 0, PgOid.NAME),
      new Type(1014, "_bpchar", -1, "A", 0, PgOid.BPCHAR),
      new Type(1182, "_date", -1, "A", 0, PgOid.DATE),
      new Type(1115, "_timestamp", -1, "A", 0, PgOid.TIMESTAMP),
      new Type(1185, "_timestamptz", -1, "A", 0, PgOid.TIMESTAMPTZ),
      new Type(1231, "_numeric", -1, "A", 0, PgOid.NUMERIC),
      new Type(2951, "_uuid", -1, "A", 0, PgOid.UUID),
      new Type(3807, "_jsonb", -1, "A", 0, PgOid.JSONB),
      new Type(199, "_json", -1, "A", 0, PgOid.JSON));

  private PgTypes() {}

  /** The type's name in pg_type, or "???" for an OID not listed. */
  static String name(long oid) {
    for (Type t : ALL) {
      if (t.oid() == oid) {
        return t.name();
      }
    }
    return "???";
  }
}
