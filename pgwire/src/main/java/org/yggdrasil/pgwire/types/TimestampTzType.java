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
 * offset, {@code 2026-11-25 10:11:12.123456+00} or {@code ...+05:30} ({@link #INSTANCE} renders
 * in UTC; {@link #inZone} gives the codec for a session's TimeZone). Text input without a zone is
 * read in that zone too. Binary: int64 microseconds since 2000-01-01 00:00 UTC.
 *
 * <p>Java value: OffsetDateTime with any offset (Instant and ZonedDateTime are accepted too);
 * decoded values are at UTC. {@link OffsetDateTime#MAX}/{@link OffsetDateTime#MIN} stand for
 * {@code infinity}/{@code -infinity} (binary {@code Long.MAX_VALUE}/{@code MIN_VALUE}).
 */
public final class TimestampTzType extends PgType {
  public static final TimestampTzType INSTANCE = new TimestampTzType(ZoneOffset.UTC);

  /** The session time zone: text is rendered in it, zone-less input read in it. */
  private final ZoneId zone;

  private TimestampTzType(ZoneId zone) {
    super(PgOid.TIMESTAMPTZ, "timestamptz", "timestamp with time zone");
    this.zone = zone;
  }

  /** The codec for a session whose TimeZone is {@code zone}. */
  public static TimestampTzType inZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? INSTANCE : new TimestampTzType(zone);
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
    OffsetDateTime rounded =
        t.getNano() % 1000 == 0 ? t : t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    ZonedDateTime inZone = rounded.atZoneSameInstant(zone);
    LocalDateTime local = inZone.toLocalDateTime();
    ZoneOffset offset = inZone.getOffset();
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
      ZoneId inputZone = p.zone() == null ? zone : p.zone();
      LocalDateTime local = DateTimeText.combine(p.date(), p.microsOfDay());
      return local.atZone(inputZone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
    LocalDate today = LocalDate.now(zone);
    return switch (p.special()) {
      case INFINITY -> OffsetDateTime.MAX;
      case NEG_INFINITY -> OffsetDateTime.MIN;
      case EPOCH -> OffsetDateTime.of(LocalDate.EPOCH.atStartOfDay(), ZoneOffset.UTC);
      case NOW -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      case TODAY -> today.atStartOfDay(zone).toOffsetDateTime();
      case TOMORROW -> today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
      case YESTERDAY -> today.minusDays(1).atStartOfDay(zone).toOffsetDateTime();
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
