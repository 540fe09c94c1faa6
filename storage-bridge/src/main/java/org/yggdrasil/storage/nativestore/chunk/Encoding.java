package org.yggdrasil.storage.nativestore.chunk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * The physical encoding of one column: which {@link Physical} layout its values take and how a
 * canonical Java value maps to it. Fixed-width values travel as "bits" (a long holding the
 * little-endian value: 0/1, the integer, the IEEE bits, the scaled numeric, days or microseconds);
 * variable-length values as bytes (UTF-8 for strings; for wide numerics a little-endian int32
 * scale followed by the big-endian two's-complement unscaled value).
 *
 * @param scale the scale of a numeric(p <= 18, s) stored as a scaled int64; -1 otherwise
 */
public record Encoding(ColumnType type, Physical physical, int scale) {
  /** The encoding of the hidden row-id column. */
  public static final Encoding ROW_ID = new Encoding(ColumnType.INT8, Physical.LONG, -1);

  /** Widest numeric precision stored as a scaled int64 (10^18 < 2^63). */
  public static final int MAX_SCALED_PRECISION = 18;

  public static Encoding of(ColumnDef def) {
    ColumnType t = def.type();
    return switch (t) {
      case BOOL -> new Encoding(t, Physical.BYTE, -1);
      case INT2 -> new Encoding(t, Physical.SHORT, -1);
      case INT4, DATE -> new Encoding(t, Physical.INT, -1);
      case INT8, TIMESTAMP, TIMESTAMPTZ -> new Encoding(t, Physical.LONG, -1);
      case FLOAT4 -> new Encoding(t, Physical.FLOAT, -1);
      case FLOAT8 -> new Encoding(t, Physical.DOUBLE, -1);
      case UUID -> new Encoding(t, Physical.UUID, -1);
      case NUMERIC ->
          def.length() > 0 && def.length() <= MAX_SCALED_PRECISION
              ? new Encoding(t, Physical.LONG, Math.max(def.scale(), 0))
              : new Encoding(t, Physical.VARLEN, -1);
      case TEXT, VARCHAR, BPCHAR, BYTEA -> new Encoding(t, Physical.VARLEN, -1);
    };
  }

  /** True for layouts whose value fits one long ({@link #toBits}); false for UUID and VARLEN. */
  public boolean hasBits() {
    return physical != Physical.VARLEN && physical != Physical.UUID;
  }

  /** True when equal bits mean equal values and vice versa (integers, dates, times, scaled numerics). */
  public boolean exactBits() {
    return hasBits() && physical != Physical.FLOAT && physical != Physical.DOUBLE;
  }

  public long toBits(Object v) {
    return switch (type) {
      case BOOL -> (Boolean) v ? 1 : 0;
      case INT2 -> (Short) v;
      case INT4 -> (Integer) v;
      case INT8 -> (Long) v;
      case FLOAT4 -> Float.floatToRawIntBits((Float) v);
      case FLOAT8 -> Double.doubleToRawLongBits((Double) v);
      case NUMERIC -> ((BigDecimal) v).setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
      case DATE -> ((LocalDate) v).toEpochDay();
      case TIMESTAMP -> Micros.of((LocalDateTime) v);
      case TIMESTAMPTZ -> Micros.of((OffsetDateTime) v);
      default -> throw new IllegalStateException("no fixed-width bits for " + type);
    };
  }

  public Object fromBits(long b) {
    return switch (type) {
      case BOOL -> b != 0;
      case INT2 -> (short) b;
      case INT4 -> (int) b;
      case INT8 -> b;
      case FLOAT4 -> Float.intBitsToFloat((int) b);
      case FLOAT8 -> Double.longBitsToDouble(b);
      case NUMERIC -> BigDecimal.valueOf(b, scale);
      case DATE -> LocalDate.ofEpochDay(b);
      case TIMESTAMP -> Micros.toLocalDateTime(b);
      case TIMESTAMPTZ -> Micros.toOffsetDateTime(b);
      default -> throw new IllegalStateException("no fixed-width bits for " + type);
    };
  }

  public byte[] toBytes(Object v) {
    return switch (type) {
      case TEXT, VARCHAR, BPCHAR -> ((String) v).getBytes(StandardCharsets.UTF_8);
      case BYTEA -> (byte[]) v;
      case NUMERIC -> {
        BigDecimal d = (BigDecimal) v;
        byte[] unscaled = d.unscaledValue().toByteArray();
        byte[] out = new byte[4 + unscaled.length];
        int s = d.scale();
        out[0] = (byte) s;
        out[1] = (byte) (s >>> 8);
        out[2] = (byte) (s >>> 16);
        out[3] = (byte) (s >>> 24);
        System.arraycopy(unscaled, 0, out, 4, unscaled.length);
        yield out;
      }
      default -> throw new IllegalStateException("no variable-length form for " + type);
    };
  }

  public Object fromBytes(byte[] a, int off, int len) {
    return switch (type) {
      case TEXT, VARCHAR, BPCHAR -> new String(a, off, len, StandardCharsets.UTF_8);
      case BYTEA -> java.util.Arrays.copyOfRange(a, off, off + len);
      case NUMERIC -> {
        int s = (a[off] & 0xff) | (a[off + 1] & 0xff) << 8 | (a[off + 2] & 0xff) << 16 | a[off + 3] << 24;
        yield new BigDecimal(new BigInteger(a, off + 4, len - 4), s);
      }
      default -> throw new IllegalStateException("no variable-length form for " + type);
    };
  }
}
