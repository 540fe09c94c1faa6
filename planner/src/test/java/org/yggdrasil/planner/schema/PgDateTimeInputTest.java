package org.yggdrasil.planner.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.PgDateTimeInput.Context;
import org.yggdrasil.planner.schema.PgDateTimeInput.FieldOrder;

/** Expected values are what PostgreSQL 15 answers for the same input. */
class PgDateTimeInputTest {
  private static final Context MDY = new Context(FieldOrder.MDY, ZoneOffset.UTC);
  private static final Context DMY = new Context(FieldOrder.DMY, ZoneOffset.UTC);
  private static final Context YMD = new Context(FieldOrder.YMD, ZoneOffset.UTC);

  @Test
  void isoAndCompactForms() {
    assertEquals(LocalDate.of(2024, 1, 2), PgDateTimeInput.date("2024-01-02", DMY));
    assertEquals(LocalDate.of(2024, 1, 2), PgDateTimeInput.date("20240102", MDY));
    assertEquals(LocalDate.of(2024, 1, 2), PgDateTimeInput.date("2024/1/2", DMY));
    assertEquals(LocalDate.of(2024, 1, 1), PgDateTimeInput.date("2024-01-01 10:00", MDY));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_457_000),
        PgDateTimeInput.timestamp("2024-01-02T03:04:05.1234567", MDY));
  }

  @Test
  void dateStyleOrdersNumericDates() {
    assertEquals(LocalDate.of(2024, 1, 2), PgDateTimeInput.date("01/02/2024", MDY));
    assertEquals(LocalDate.of(2024, 2, 1), PgDateTimeInput.date("01/02/2024", DMY));
    assertEquals(LocalDate.of(2024, 1, 2), PgDateTimeInput.date("24-01-02", YMD));
    assertEquals(LocalDate.of(1999, 1, 18), PgDateTimeInput.date("1/18/1999", MDY));
    var e = assertThrows(SqlStateException.class, () -> PgDateTimeInput.date("24-01-02", MDY));
    assertEquals("22008", e.state().code());
    e = assertThrows(SqlStateException.class, () -> PgDateTimeInput.date("13/13/2024", DMY));
    assertEquals("22008", e.state().code());
  }

  @Test
  void monthNames() {
    for (String s : new String[] {"January 8, 1999", "8 January 99", "Jan-08-99", "08-Jan-99",
        "jan 8 1999"}) {
      assertEquals(LocalDate.of(1999, 1, 8), PgDateTimeInput.date(s, MDY), s);
      assertEquals(LocalDate.of(1999, 1, 8), PgDateTimeInput.date(s, DMY), s);
    }
  }

  @Test
  void timesAndZones() {
    assertEquals(LocalDateTime.of(2024, 1, 1, 13, 0),
        PgDateTimeInput.timestamp("2024-01-01 1:00 pm", MDY));
    assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0),
        PgDateTimeInput.timestamp("2024-01-01 24:00", MDY));
    // A zone given to a timestamp without time zone is ignored.
    assertEquals(LocalDateTime.of(2024, 1, 1, 10, 0),
        PgDateTimeInput.timestamp("2024-01-01 10:00:00+02", MDY));
    assertEquals(OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("2024-01-01 10:00:00+02", MDY));
    assertEquals(OffsetDateTime.of(2024, 1, 1, 15, 30, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("2024-01-01 10:00-05:30", MDY));
    assertEquals(OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("2024-01-01 10:00 Europe/Berlin", MDY));
    assertEquals(OffsetDateTime.of(2024, 7, 1, 8, 0, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("2024-07-01 10:00 CEST", MDY));
    assertEquals(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("2024-01-01T10:00:00Z", MDY));
  }

  @Test
  void zonelessTimestamptzIsReadInTheSessionZone() {
    Context berlin = new Context(FieldOrder.MDY, ZoneId.of("Europe/Berlin"));
    assertEquals(OffsetDateTime.of(2023, 12, 31, 23, 0, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("2024-01-01 00:00", berlin));
    assertEquals(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        PgDateTimeInput.timestamptz("epoch", berlin));
  }

  @Test
  void garbageIsAnInvalidFormat() {
    for (String s : new String[] {"garbage", "2024-01", "10:00", "2024-01-02 xx:00"}) {
      var e = assertThrows(SqlStateException.class, () -> PgDateTimeInput.date(s, MDY), s);
      assertEquals("22007", e.state().code(), s);
    }
  }

  @Test
  void settingOffsetsPointEastButPosixNamesWest() {
    assertEquals(ZoneOffset.ofHours(2), PgZones.forSetting("+02"));
    assertEquals(ZoneOffset.ofHours(-2), PgZones.forName("+02"));
    assertEquals(ZoneOffset.ofHours(-5), PgZones.forName("EST"));
    assertEquals(ZoneId.of("Europe/Berlin"), PgZones.forName("europe/berlin"));
    assertNull(PgZones.forSetting("garbage"));
  }
}
