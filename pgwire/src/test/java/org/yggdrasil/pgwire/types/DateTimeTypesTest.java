package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinary;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertText;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertTextError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Dates and times: PostgreSQL's ISO text and its 2000-01-01-based binary format. */
class DateTimeTypesTest {
  private static final DateType DATE = DateType.INSTANCE;
  private static final TimestampType TS = TimestampType.INSTANCE;
  private static final TimestampTzType TSTZ = TimestampTzType.INSTANCE;
  private static final TimeType TIME = TimeType.INSTANCE;

  @Test
  void dateBinaryIsDaysSince2000() {
    assertBinary(DATE, LocalDate.of(2000, 1, 1), "00000000");
    assertBinary(DATE, LocalDate.of(1999, 12, 31), "ffffffff");
    assertBinary(DATE, LocalDate.of(1970, 1, 1), "ffffd533"); // -10957
    assertBinary(DATE, LocalDate.MAX, "7fffffff");
    assertBinary(DATE, LocalDate.MIN, "80000000");
  }

  @Test
  void dateText() {
    assertText(DATE, LocalDate.of(2026, 11, 25), "2026-11-25");
    assertText(DATE, LocalDate.of(33, 1, 2), "0033-01-02");
    assertText(DATE, LocalDate.of(-43, 3, 15), "0044-03-15 BC");
    assertText(DATE, LocalDate.of(12345, 6, 7), "12345-06-07");
    assertText(DATE, LocalDate.MAX, "infinity");
    assertText(DATE, LocalDate.MIN, "-infinity");
    assertEquals(LocalDate.of(2024, 1, 2), DATE.decodeText("2024-01-02 +00")); // pgjdbc setDate
    assertEquals(LocalDate.of(2024, 1, 2), DATE.decodeText("2024-01-02 03:04:05.123+00"));
    assertEquals(LocalDate.of(2024, 1, 2), DATE.decodeText(" 2024-1-2 "));
    assertEquals(LocalDate.EPOCH, DATE.decodeText("epoch"));
    assertEquals("invalid input syntax for type date: \"2024/01/02\"",
        assertTextError(DATE, "2024/01/02", "22007").getMessage());
    assertEquals("date/time field value out of range: \"2024-02-30\"",
        assertTextError(DATE, "2024-02-30", "22008").getMessage());
    assertTextError(DATE, "", "22007");
  }

  @Test
  void timestampBinaryIsMicrosSince2000() {
    assertBinary(TS, LocalDateTime.of(2000, 1, 1, 0, 0), "0000000000000000");
    assertBinary(TS, LocalDateTime.of(2000, 1, 1, 0, 0, 1), "00000000000f4240"); // 1e6
    assertBinary(TS, LocalDateTime.of(1970, 1, 1, 0, 0), "fffca2fec4c82000"); // -946684800e6
    assertBinary(TS, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000),
        "ffffffffffffffff");
    assertBinary(TS, LocalDateTime.MAX, "7fffffffffffffff");
  }

  @Test
  void timestampText() {
    assertText(TS, LocalDateTime.of(2026, 11, 25, 10, 11, 12, 123_456_000),
        "2026-11-25 10:11:12.123456");
    assertText(TS, LocalDateTime.of(2026, 11, 25, 10, 11, 12, 500_000_000),
        "2026-11-25 10:11:12.5");
    assertText(TS, LocalDateTime.of(2026, 11, 25, 0, 0), "2026-11-25 00:00:00");
    assertText(TS, LocalDateTime.of(-43, 3, 15, 10, 0), "0044-03-15 10:00:00 BC");
    assertEquals("2026-11-25 10:11:12.000001",
        TS.encodeText(LocalDateTime.of(2026, 11, 25, 10, 11, 12, 500))); // rounds half up
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000),
        TS.decodeText("2024-01-02 03:04:05.123+00")); // pgjdbc setTimestamp, zone ignored
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_457_000),
        TS.decodeText("2024-01-02T03:04:05.1234565"));
    assertEquals(LocalDateTime.of(2024, 1, 3, 0, 0), TS.decodeText("2024-01-02 24:00:00"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), TS.decodeText("2024-01-02"));
    assertEquals(LocalDateTime.MAX, TS.decodeText("Infinity"));
    assertTextError(TS, "2024-01-02 25:00", "22008");
    assertTextError(TS, "2024-01-02 10", "22007");
    assertTextError(TS, "2024-01-02 10:00 garbage!", "22007");
  }

  @Test
  void timestamptzIsAnInstantRenderedInUtc() {
    OffsetDateTime berlin = OffsetDateTime.of(2026, 11, 25, 10, 11, 12, 0, ZoneOffset.ofHours(2));
    assertEquals("2026-11-25 08:11:12+00", TSTZ.encodeText(berlin));
    OffsetDateTime utc = berlin.withOffsetSameInstant(ZoneOffset.UTC);
    assertText(TSTZ, utc, "2026-11-25 08:11:12+00");
    assertBinary(TSTZ, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        "0000000000000000");
    assertEquals("0000000000000000", java.util.HexFormat.of().formatHex(TSTZ.encodeBinary(
        OffsetDateTime.of(2000, 1, 1, 5, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)))));
    assertEquals("2000-01-01 00:00:00+00", TSTZ.encodeText(Instant.parse("2000-01-01T00:00:00Z")));
    assertText(TSTZ, OffsetDateTime.MAX, "infinity");
  }

  @Test
  void timestamptzInputZones() {
    OffsetDateTime expected = OffsetDateTime.of(2024, 1, 1, 21, 34, 5, 0, ZoneOffset.UTC);
    assertEquals(expected, TSTZ.decodeText("2024-01-02 03:04:05+05:30"));
    assertEquals(expected, TSTZ.decodeText("2024-01-02 03:04:05 +0530"));
    assertEquals(expected, TSTZ.decodeText("2024-01-01T21:34:05Z"));
    assertEquals(expected, TSTZ.decodeText("2024-01-01 21:34:05 UTC"));
    assertEquals(expected, TSTZ.decodeText("2024-01-01 21:34:05")); // session zone: UTC
    assertEquals(expected, TSTZ.decodeText("2024-01-01 22:34:05 Europe/Berlin"));
    assertEquals(expected, TSTZ.decodeText("2024-01-01 13:34:05-08"));
    assertEquals("time zone \"Nowhere/Land\" not recognized",
        assertTextError(TSTZ, "2024-01-01 10:00 Nowhere/Land", "22023").getMessage());
  }

  @Test
  void offsetsRenderOnlyTheirNonzeroParts() {
    StringBuilder sb = new StringBuilder();
    DateTimeText.appendOffset(sb, ZoneOffset.ofHoursMinutes(5, 30));
    sb.append(' ');
    DateTimeText.appendOffset(sb, ZoneOffset.ofHours(-8));
    sb.append(' ');
    DateTimeText.appendOffset(sb, ZoneOffset.ofHoursMinutesSeconds(0, 53, 28));
    assertEquals("+05:30 -08 +00:53:28", sb.toString());
  }

  @Test
  void time() {
    assertText(TIME, LocalTime.of(10, 11, 12, 500_000_000), "10:11:12.5");
    assertText(TIME, LocalTime.MIDNIGHT, "00:00:00");
    assertBinary(TIME, LocalTime.of(0, 0, 1), "00000000000f4240");
    assertBinary(TIME, LocalTime.MAX, "000000141dd76000"); // 24:00:00 = 86400e6
    assertEquals("24:00:00", TIME.encodeText(LocalTime.MAX));
    assertEquals(LocalTime.MAX, TIME.decodeText("24:00:00"));
    assertEquals(LocalTime.of(10, 0), TIME.decodeText("10:00+02"));
    assertEquals(LocalTime.MIDNIGHT, TIME.decodeText("allballs"));
    assertTextError(TIME, "10", "22007");
    assertTextError(TIME, "24:00:01", "22008");
  }

  @Test
  void timestamptzRendersInTheSessionTimeZone() {
    TimestampTzType berlin = TimestampTzType.inZone(java.time.ZoneId.of("Europe/Berlin"));
    assertEquals("2024-01-01 01:00:00+01",
        berlin.encodeText(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    assertEquals("2024-07-01 02:00:00+02",
        berlin.encodeText(OffsetDateTime.of(2024, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    assertEquals(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        berlin.decodeText("2024-01-01 01:00:00"));
    TimestampTzType kolkata = (TimestampTzType) PgTypes.forOid(
        org.yggdrasil.planner.session.PgOid.TIMESTAMPTZ,
        FormatSettings.DEFAULT.withParameter("TimeZone", "Asia/Kolkata"));
    assertEquals("2024-01-01 05:30:00.25+05:30",
        kolkata.encodeText(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 250_000_000, ZoneOffset.UTC)));
    // binary is always UTC microseconds
    assertEquals("0000000000000000", java.util.HexFormat.of().formatHex(berlin.encodeBinary(
        OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))));
  }
}
