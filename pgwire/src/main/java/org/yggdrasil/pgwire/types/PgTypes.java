package org.yggdrasil.pgwire.types;

import java.util.HashMap;
import java.util.Map;
import org.yggdrasil.planner.session.PgOid;

/**
 * The registry of wire codecs by type OID. OIDs without a codec get an {@link UnknownType}
 * (text of {@code String.valueOf(value)}, no binary format), so a new type in the engine never
 * breaks the wire — it is just sent as text.
 */
public final class PgTypes {
  private static final Map<Integer, PgType> BY_OID = new HashMap<>();

  static {
    PgType[] scalars = {
      BoolType.INSTANCE, ByteaType.INSTANCE, TextType.CHAR, TextType.NAME, Int8Type.INSTANCE,
      Int2Type.INSTANCE, Int4Type.INSTANCE, TextType.TEXT, OidType.INSTANCE, JsonType.JSON,
      Float4Type.INSTANCE, Float8Type.INSTANCE, TextType.UNKNOWN, TextType.BPCHAR,
      TextType.VARCHAR, DateType.INSTANCE, TimeType.INSTANCE, TimestampType.INSTANCE,
      TimestampTzType.INSTANCE, IntervalType.INSTANCE, NumericType.INSTANCE, UuidType.INSTANCE,
      JsonType.JSONB, VectorType.INT2VECTOR, VectorType.OIDVECTOR
    };
    for (PgType t : scalars) {
      register(t);
    }
    // Array OIDs from pg_type.typarray.
    array(PgOid.BOOL_ARRAY, BoolType.INSTANCE);
    array(1001, ByteaType.INSTANCE);
    array(1002, TextType.CHAR);
    array(1003, TextType.NAME);
    array(PgOid.INT2_ARRAY, Int2Type.INSTANCE);
    array(PgOid.INT4_ARRAY, Int4Type.INSTANCE);
    array(PgOid.TEXT_ARRAY, TextType.TEXT);
    array(1014, TextType.BPCHAR);
    array(PgOid.VARCHAR_ARRAY, TextType.VARCHAR);
    array(PgOid.INT8_ARRAY, Int8Type.INSTANCE);
    array(PgOid.FLOAT4_ARRAY, Float4Type.INSTANCE);
    array(PgOid.FLOAT8_ARRAY, Float8Type.INSTANCE);
    array(PgOid.OID_ARRAY, OidType.INSTANCE);
    array(1115, TimestampType.INSTANCE);
    array(1182, DateType.INSTANCE);
    array(1183, TimeType.INSTANCE);
    array(1185, TimestampTzType.INSTANCE);
    array(1187, IntervalType.INSTANCE);
    array(1231, NumericType.INSTANCE);
    array(199, JsonType.JSON);
    array(2951, UuidType.INSTANCE);
    array(3807, JsonType.JSONB);
  }

  private PgTypes() {}

  private static void register(PgType t) {
    BY_OID.put(t.oid(), t);
  }

  private static void array(int oid, PgType element) {
    register(new ArrayType(oid, element));
  }

  /** The codec for {@code oid}; never null. */
  public static PgType forOid(int oid) {
    PgType t = BY_OID.get(oid);
    if (t != null) {
      return t;
    }
    // Not cached: OIDs come from clients too, and a fallback is cheap to make.
    return new UnknownType(oid);
  }

  /**
   * The codec for {@code oid} as a session with these settings formats it: timestamptz in the
   * session's TimeZone, floats with its extra_float_digits (also as array elements).
   */
  public static PgType forOid(int oid, FormatSettings settings) {
    PgType t = forOid(oid);
    if (settings.equals(FormatSettings.DEFAULT)) {
      return t;
    }
    return configured(t, settings);
  }

  private static PgType configured(PgType t, FormatSettings settings) {
    return switch (t) {
      case TimestampTzType tz -> TimestampTzType.inZone(settings.timeZone());
      case Float8Type f -> f.withExtraFloatDigits(settings.extraFloatDigits());
      case Float4Type f -> f.withExtraFloatDigits(settings.extraFloatDigits());
      case ArrayType a -> {
        PgType element = configured(a.element(), settings);
        yield element == a.element() ? a : new ArrayType(a.oid(), element);
      }
      default -> t;
    };
  }

  /** Whether {@code oid} has a real codec (not the text fallback). */
  public static boolean isKnown(int oid) {
    return BY_OID.containsKey(oid);
  }
}
