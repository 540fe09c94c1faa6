package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code timestamp} (without time zone): text {@code 2026-11-25 10:11:12.123456} (fraction only
 * when nonzero, trailing zeros trimmed; {@code BC} suffix before year 1); binary int64
 * microseconds since 2000-01-01 00:00. A time zone in the input is ignored, as in PostgreSQL.
 * Java value: LocalDateTime, with {@link LocalDateTime#MAX}/{@link LocalDateTime#MIN} for {@code
 * infinity}/{@code -infinity} (binary {@code Long.MAX_VALUE}/{@code MIN_VALUE}).
 */
public final class TimestampType extends PgType {
  public static final TimestampType INSTANCE = new TimestampType();

  private TimestampType() {
    super(PgOid.TIMESTAMP, "timestamp", "timestamp");
  }

  @Override
  protected String formatText(Object value) {
    LocalDateTime t = timestamp(value);
    if (t.equals(LocalDateTime.MAX)) {
      return "infinity";
    }
    if (t.equals(LocalDateTime.MIN)) {
      return "-infinity";
    }
    t = DateTimeText.roundToMicros(t);
    StringBuilder sb = new StringBuilder(29);
    DateTimeText.appendDateTime(sb, t);
    if (DateTimeText.isBc(t.toLocalDate())) {
      sb.append(" BC");
    }
    return sb.toString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    LocalDateTime t = timestamp(value);
    if (t.equals(LocalDateTime.MAX)) {
      out.writeLong(Long.MAX_VALUE);
    } else if (t.equals(LocalDateTime.MIN)) {
      out.writeLong(Long.MIN_VALUE);
    } else {
      out.writeLong(DateTimeText.toPgMicros(t));
    }
  }

  @Override
  public Object decodeText(String text) {
    DateTimeParser.Parsed p = DateTimeParser.parse(text, this, true);
    if (p.special() == null) {
      return DateTimeText.combine(p.date(), p.microsOfDay());
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return switch (p.special()) {
      case INFINITY -> LocalDateTime.MAX;
      case NEG_INFINITY -> LocalDateTime.MIN;
      case EPOCH -> LocalDate.EPOCH.atStartOfDay();
      case NOW -> DateTimeText.roundToMicros(LocalDateTime.now(ZoneOffset.UTC));
      case TODAY -> today.atStartOfDay();
      case TOMORROW -> today.plusDays(1).atStartOfDay();
      case YESTERDAY -> today.minusDays(1).atStartOfDay();
      case ALLBALLS -> throw new SqlStateException(
          SqlState.INVALID_DATETIME_FORMAT,
          "invalid input syntax for type timestamp: \"" + text + "\"");
    };
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 8);
    long micros = in.readLong();
    if (micros == Long.MAX_VALUE) {
      return LocalDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return LocalDateTime.MIN;
    }
    return DateTimeText.fromPgMicros(micros);
  }

  private LocalDateTime timestamp(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    throw unexpected(value);
  }
}
