package org.yggdrasil.planner.session;

/**
 * PostgreSQL type OIDs Yggdrasil speaks, and the Java value each is carried as between the
 * planner and the wire. This mapping is the contract between pgwire's codecs and the planner:
 *
 * <pre>
 *   bool        16   Boolean            bytea     17   byte[]
 *   int2        21   Short              int4      23   Integer
 *   int8        20   Long               oid       26   Long
 *   float4     700   Float              float8   701   Double
 *   numeric   1700   BigDecimal         text      25   String
 *   varchar   1043   String             bpchar  1042   String
 *   name        19   String             unknown  705   String
 *   date      1082   LocalDate          time    1083   LocalTime
 *   timestamp 1114   LocalDateTime      timestamptz 1184 OffsetDateTime (any offset)
 *   uuid      2950   UUID               json/jsonb 114/3802 String
 *   interval  1186   String (PostgreSQL text form)
 *   arrays     (_int4 1007, _text 1009, _int8 1016, ...) java.util.List of the element's Java type
 * </pre>
 *
 * Encoders accept any {@link Number} for numeric types and convert; a NULL is Java null.
 */
public final class PgOid {
  public static final int UNSPECIFIED = 0;
  public static final int BOOL = 16;
  public static final int BYTEA = 17;
  public static final int CHAR = 18;
  public static final int NAME = 19;
  public static final int INT8 = 20;
  public static final int INT2 = 21;
  public static final int INT2VECTOR = 22;
  public static final int INT4 = 23;
  public static final int REGPROC = 24;
  public static final int TEXT = 25;
  public static final int OID = 26;
  public static final int JSON = 114;
  public static final int FLOAT4 = 700;
  public static final int FLOAT8 = 701;
  public static final int UNKNOWN = 705;
  public static final int BOOL_ARRAY = 1000;
  public static final int INT2_ARRAY = 1005;
  public static final int INT4_ARRAY = 1007;
  public static final int TEXT_ARRAY = 1009;
  public static final int VARCHAR_ARRAY = 1015;
  public static final int INT8_ARRAY = 1016;
  public static final int FLOAT4_ARRAY = 1021;
  public static final int FLOAT8_ARRAY = 1022;
  public static final int OID_ARRAY = 1028;
  public static final int BPCHAR = 1042;
  public static final int VARCHAR = 1043;
  public static final int DATE = 1082;
  public static final int TIME = 1083;
  public static final int TIMESTAMP = 1114;
  public static final int TIMESTAMPTZ = 1184;
  public static final int INTERVAL = 1186;
  public static final int NUMERIC = 1700;
  public static final int REGCLASS = 2205;
  public static final int UUID = 2950;
  public static final int JSONB = 3802;

  private PgOid() {}

  /** typlen: the fixed width of a type in bytes, or -1 for variable-length types. */
  public static short typeSize(int oid) {
    return switch (oid) {
      case BOOL, CHAR -> 1;
      case INT2 -> 2;
      case INT4, OID, FLOAT4, DATE, REGPROC, REGCLASS -> 4;
      case INT8, FLOAT8, TIME, TIMESTAMP, TIMESTAMPTZ -> 8;
      case INTERVAL, UUID -> 16;
      case NAME -> 64;
      default -> -1;
    };
  }

  /** The element type of an array type, or 0 when {@code oid} is not an array type. */
  public static int elementOf(int arrayOid) {
    return switch (arrayOid) {
      case BOOL_ARRAY -> BOOL;
      case INT2_ARRAY -> INT2;
      case INT4_ARRAY -> INT4;
      case TEXT_ARRAY -> TEXT;
      case VARCHAR_ARRAY -> VARCHAR;
      case INT8_ARRAY -> INT8;
      case FLOAT4_ARRAY -> FLOAT4;
      case FLOAT8_ARRAY -> FLOAT8;
      case OID_ARRAY -> OID;
      default -> 0;
    };
  }
}
