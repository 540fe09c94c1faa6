package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code timestamptz}: an instant. Text output is rendered in the session time zone with its
 * offset, {@code 2026-11-25 10:11:12.123456+00} or {@code ...+05:30}; the session TimeZone
 * setting is not wired yet, so output is always UTC ({@code +00}). Text input without a zone is
 * read in that zone too. Binary: int64 microseconds since 2000-01-01 00:00 UTC.
 *
 * <p>Java value: OffsetDateTime with any offset (Instant and ZonedDateTime are accepted too);
 * decoded values are at UTC. {@link OffsetDateTime#MAX}/{@link OffsetDateTime#MIN} stand for
 * {@code infinity}/{@code -infinity} (binary {@code Long.MAX_VALUE}/{@code MIN_VALUE}).
 */
public final class TimestampTzType extends PgType {
  public static final TimestampTzType INSTANCE = new TimestampTzType();

  /** The zone text output is rendered in, until sessions carry a TimeZone setting. */
  private static final ZoneOffset SESSION_ZONE = ZoneOffset.UTC;

  private TimestampTzType() {
    super(PgOid.TIMESTAMPTZ, "timestamptz", "timestamp with time zone");
  }

  @Override
  protected String formatText(Object value) {
    OffsetDateTime t = timestamp(value);
    if (t.equals(OffsetDateTime.MAX)) {
      return "infinity";
    }
    if (t.equals(OffsetDateTime.MIN)) {
      return "-infinity";
    }
    LocalDateTime local =
        DateTimeText.roundToMicros(t.atZoneSameInstant(SESSION_ZONE).toLocalDateTime());
    ZoneOffset offset = SESSION_ZONE.getRules().getOffset(local);
    StringBuilder sb = new StringBuilder(32);
    DateTimeText.appendDateTime(sb, local);
    DateTimeText.appendOffset(sb, offset);
    if (DateTimeText.isBc(local.toLocalDate())) {
      sb.append(" BC");
    }
    return sb.toString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    OffsetDateTime t = timestamp(value);
    if (t.equals(OffsetDateTime.MAX)) {
      out.writeLong(Long.MAX_VALUE);
    } else if (t.equals(OffsetDateTime.MIN)) {
      out.writeLong(Long.MIN_VALUE);
    } else {
      out.writeLong(DateTimeText.toPgMicros(t.withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDateTime()));
    }
  }

  @Override
  public Object decodeText(String text) {
    DateTimeParser.Parsed p = DateTimeParser.parse(text, this, true);
    if (p.special() == null) {
      ZoneId zone = p.zone() == null ? SESSION_ZONE : p.zone();
      LocalDateTime local = DateTimeText.combine(p.date(), p.microsOfDay());
      return local.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
    LocalDate today = LocalDate.now(SESSION_ZONE);
    return switch (p.special()) {
      case INFINITY -> OffsetDateTime.MAX;
      case NEG_INFINITY -> OffsetDateTime.MIN;
      case EPOCH -> OffsetDateTime.of(LocalDate.EPOCH.atStartOfDay(), ZoneOffset.UTC);
      case NOW -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      case TODAY -> today.atStartOfDay(SESSION_ZONE).toOffsetDateTime();
      case TOMORROW -> today.plusDays(1).atStartOfDay(SESSION_ZONE).toOffsetDateTime();
      case YESTERDAY -> today.minusDays(1).atStartOfDay(SESSION_ZONE).toOffsetDateTime();
      case ALLBALLS -> throw new SqlStateException(
          SqlState.INVALID_DATETIME_FORMAT,
          "invalid input syntax for type timestamp with time zone: \"" + text + "\"");
    };
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 8);
    long micros = in.readLong();
    if (micros == Long.MAX_VALUE) {
      return OffsetDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return OffsetDateTime.MIN;
    }
    return OffsetDateTime.of(DateTimeText.fromPgMicros(micros), ZoneOffset.UTC);
  }

  private OffsetDateTime timestamp(Object value) {
    return switch (value) {
      case OffsetDateTime t -> t;
      case Instant i -> i.atOffset(ZoneOffset.UTC);
      case ZonedDateTime z -> z.toOffsetDateTime();
      default -> throw unexpected(value);
    };
  }
}
