package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code date}: text ISO {@code 2026-11-25} ({@code 0044-03-15 BC} before year 1); binary int32
 * days since 2000-01-01. Java value: LocalDate, with {@link LocalDate#MAX}/{@link LocalDate#MIN}
 * standing for {@code infinity}/{@code -infinity} (binary {@code Integer.MAX_VALUE}/{@code
 * MIN_VALUE}).
 */
public final class DateType extends PgType {
  public static final DateType INSTANCE = new DateType();

  private DateType() {
    super(PgOid.DATE, "date", "date");
  }

  @Override
  protected String formatText(Object value) {
    LocalDate d = date(value);
    if (d.equals(LocalDate.MAX)) {
      return "infinity";
    }
    if (d.equals(LocalDate.MIN)) {
      return "-infinity";
    }
    StringBuilder sb = new StringBuilder(13);
    DateTimeText.appendDate(sb, d);
    if (DateTimeText.isBc(d)) {
      sb.append(" BC");
    }
    return sb.toString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    LocalDate d = date(value);
    if (d.equals(LocalDate.MAX)) {
      out.writeInt(Integer.MAX_VALUE);
    } else if (d.equals(LocalDate.MIN)) {
      out.writeInt(Integer.MIN_VALUE);
    } else {
      long days = d.toEpochDay() - DateTimeText.PG_EPOCH_DAY;
      if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
        throw new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
      }
      out.writeInt((int) days);
    }
  }

  @Override
  public Object decodeText(String text) {
    DateTimeParser.Parsed p = DateTimeParser.parse(text, this, true);
    if (p.special() == null) {
      return p.date();
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return switch (p.special()) {
      case INFINITY -> LocalDate.MAX;
      case NEG_INFINITY -> LocalDate.MIN;
      case EPOCH -> LocalDate.EPOCH;
      case NOW, TODAY -> today;
      case TOMORROW -> today.plusDays(1);
      case YESTERDAY -> today.minusDays(1);
      case ALLBALLS -> throw invalidDate(text);
    };
  }

  private SqlStateException invalidDate(String text) {
    return new SqlStateException(
        SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"" + text + "\"");
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 4);
    int days = in.readInt();
    if (days == Integer.MAX_VALUE) {
      return LocalDate.MAX;
    }
    if (days == Integer.MIN_VALUE) {
      return LocalDate.MIN;
    }
    return LocalDate.ofEpochDay(days + DateTimeText.PG_EPOCH_DAY);
  }

  private LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    throw unexpected(value);
  }
}
