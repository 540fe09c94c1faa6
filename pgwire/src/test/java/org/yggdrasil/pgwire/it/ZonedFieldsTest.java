package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fields of a timestamptz are those of the session's clock, as in PostgreSQL: hour and minute
 * as well as the day fields, for literals and stored values, through extract and date_part.
 */
class ZonedFieldsTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void hourMinuteAndDayFollowTheSessionTimeZone() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "SET TIME ZONE 'America/New_York'");
      // 15:30Z is 10:30 in New York; 09:45Z (15:30+05:45) is 04:45; 02:00Z on the 27th is 21:00 on the 26th
      assertEquals(list("10|45|26|10"), lines(c, "SELECT extract(hour FROM TIMESTAMPTZ '2026-11-26 15:30:00+00'),"
          + " extract(minute FROM TIMESTAMPTZ '2026-11-26 15:30:00+05:45'),"
          + " extract(day FROM TIMESTAMPTZ '2026-11-27 02:00:00+00'),"
          + " date_part('hour', TIMESTAMPTZ '2026-11-26 15:30:00+00')"));
      exec(c, "DROP TABLE IF EXISTS zf", "CREATE TABLE zf (id int, t timestamptz)",
          "INSERT INTO zf VALUES (1, '2026-11-26 15:30:00+00'), (2, '2026-11-27 02:00:00+00'), (3, NULL)");
      assertEquals(list("1|10|30|26", "2|21|0|26", "3|NULL|NULL|NULL"),
          lines(c, "SELECT id, extract(hour FROM t), extract(minute FROM t), extract(day FROM t) FROM zf ORDER BY id"));
      exec(c, "SET TIME ZONE 'Asia/Kolkata'");
      assertEquals(list("1|21|0", "2|7|30"),
          lines(c, "SELECT id, date_part('hour', t), date_part('minute', t) FROM zf WHERE t IS NOT NULL ORDER BY id"));
      exec(c, "SET TIME ZONE 'UTC'");
      assertEquals(list("1|15", "2|2"), lines(c, "SELECT id, extract(hour FROM t) FROM zf WHERE id < 3 ORDER BY id"));
    }
  }
}
