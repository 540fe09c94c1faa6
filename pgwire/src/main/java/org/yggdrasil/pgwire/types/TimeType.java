package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code time} (without time zone): text {@code 10:11:12.5}; binary int64 microseconds since
 * midnight. Java value: LocalTime; PostgreSQL's {@code 24:00:00} is {@link LocalTime#MAX} (its
 * nanoseconds round up to a full day).
 */
public final class TimeType extends PgType {
  public static final TimeType INSTANCE = new TimeType();

  private TimeType() {
    super(PgOid.TIME, "time", "time without time zone");
  }

  @Override
  protected String formatText(Object value) {
    StringBuilder sb = new StringBuilder(15);
    DateTimeText.appendTime(sb, DateTimeText.microsOfDay(time(value)));
    return sb.toString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeLong(DateTimeText.microsOfDay(time(value)));
  }

  @Override
  public Object decodeText(String text) {
    DateTimeParser.Parsed p = DateTimeParser.parse(text, this, false);
    if (p.special() != null) {
      return switch (p.special()) {
        case ALLBALLS -> LocalTime.MIDNIGHT;
        case NOW -> LocalTime.now(ZoneOffset.UTC);
        default -> throw new SqlStateException(
            SqlState.INVALID_DATETIME_FORMAT,
            "invalid input syntax for type time: \"" + text + "\"");
      };
    }
    return ofMicros(p.microsOfDay());
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 8);
    long micros = in.readLong();
    if (micros < 0 || micros > DateTimeText.MICROS_PER_DAY) {
      throw new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW, "time out of range");
    }
    return ofMicros(micros);
  }

  private static LocalTime ofMicros(long micros) {
    return micros == DateTimeText.MICROS_PER_DAY
        ? LocalTime.MAX
        : LocalTime.ofNanoOfDay(micros * 1000);
  }

  private LocalTime time(Object value) {
    if (value instanceof LocalTime t) {
      return t;
    }
    throw unexpected(value);
  }
}
