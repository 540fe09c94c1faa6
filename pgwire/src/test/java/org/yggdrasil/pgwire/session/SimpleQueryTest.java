package org.yggdrasil.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.EmbeddedWire;
import org.yggdrasil.pgwire.testing.Frontend;

/** The simple Query protocol over the real pipeline. */
class SimpleQueryTest {
  private EmbeddedWire wire;

  @BeforeEach
  void connect() {
    wire = new EmbeddedWire();
    wire.startup();
  }

  private List<BackendMessage> query(String sql) {
    return wire.send(Frontend.create().query(sql));
  }

  @Test
  void multiStatementQueryAnswersEachStatementThenOneReadyForQuery() {
    List<BackendMessage> reply = query("select 1; select 2");
    assertEquals("T D C T D C Z", BackendMessage.types(reply));
    assertEquals(List.of("?column?"), reply.get(0).columnNames());
    assertEquals(List.of(0), reply.get(0).columnFormats());
    assertEquals(List.of("1"), reply.get(1).textValues());
    assertEquals("SELECT 1", reply.get(2).string());
    assertEquals(List.of("2"), reply.get(4).textValues());
    assertEquals("I", new String(reply.get(6).body()));
    assertEquals(1, wire.session().syncs.get(), "one implicit transaction per Query");
  }

  @Test
  void emptyQueryStringAnswersEmptyQueryResponse() {
    assertEquals("I Z", BackendMessage.types(query("")));
    assertEquals("I Z", BackendMessage.types(query(" ; ;")));
  }

  @Test
  void emptyStatementAnswersEmptyQueryResponse() {
    assertEquals("I Z", BackendMessage.types(query("-- just a comment")));
  }

  @Test
  void statementWithoutRowsHasNoRowDescription() {
    List<BackendMessage> reply = query("insert");
    assertEquals("C Z", BackendMessage.types(reply));
    assertEquals("INSERT 0 1", reply.get(0).string());
  }

  @Test
  void errorStopsRemainingStatementsAndCarriesAllFields() {
    List<BackendMessage> reply = query("select 1; error 42P01; select 3");
    assertEquals("T D C E Z", BackendMessage.types(reply));
    Map<Character, String> f = reply.get(3).fields();
    assertEquals("ERROR", f.get('S'));
    assertEquals("ERROR", f.get('V'));
    assertEquals("42P01", f.get('C'));
    assertEquals("fake error 42P01", f.get('M'));
    assertEquals("some detail", f.get('D'));
    assertEquals("some hint", f.get('H'));
    assertEquals("3", f.get('P'));
    assertFalse(wire.session().prepared.contains("select 3"));
    assertTrue(wire.channel.isOpen(), "statement errors never close the connection");
  }

  @Test
  void failedTransactionBlockReportsE() {
    assertEquals("T", status(query("begin")));
    List<BackendMessage> failed = query("error 22012");
    assertEquals("E Z", BackendMessage.types(failed));
    assertEquals("E", status(failed));
    List<BackendMessage> rejected = query("select 1");
    assertEquals("25P02", rejected.get(0).fields().get('C'));
    assertEquals("E", status(rejected));
    assertEquals("I", status(query("rollback")));
  }

  @Test
  void nonSqlStateErrorBecomesXX000AndTheConnectionLivesOn() {
    List<BackendMessage> reply = query("boom");
    assertEquals("E Z", BackendMessage.types(reply));
    assertEquals("XX000", reply.get(0).fields().get('C'));
    assertEquals("boom", reply.get(0).fields().get('M'));
    assertEquals("T D C Z", BackendMessage.types(query("select 7")));
  }

  @Test
  void stackOverflowInAStatementIsAnErrorNotADeadConnection() {
    List<BackendMessage> reply = query("deep");
    assertEquals("E Z", BackendMessage.types(reply));
    assertEquals("54000", reply.get(0).fields().get('C'));
    assertEquals("stack depth limit exceeded", reply.get(0).fields().get('M'));
    assertEquals("T D C Z", BackendMessage.types(query("select 8")));
  }

  @Test
  void changedParametersAreReportedBeforeReadyForQuery() {
    List<BackendMessage> reply = query("set application_name = 'myapp'");
    assertEquals("C S Z", BackendMessage.types(reply));
    assertEquals("SET", reply.get(0).string());
    io.netty.buffer.ByteBuf b = reply.get(1).buf();
    assertEquals("application_name", StartupTest.cstring(b));
    assertEquals("myapp", StartupTest.cstring(b));
  }

  @Test
  void timeZoneChangesApplyToTheNextStatementAndAreReportedOnce() {
    List<BackendMessage> reply = query("set TimeZone = 'Europe/Berlin'; types");
    assertEquals("C T D C S Z", BackendMessage.types(reply));
    assertEquals("2026-11-25 09:11:12+01", reply.get(2).textValues().get(7));
    assertEquals("T D C Z", BackendMessage.types(query("types")));
  }

  @Test
  void startupTimeZoneIsUsedForTimestamptz() {
    EmbeddedWire tokyo = new EmbeddedWire();
    tokyo.send(org.yggdrasil.pgwire.testing.Frontend.create()
        .startup("user", "ygg", "database", "ygg", "TimeZone", "Asia/Tokyo"));
    List<BackendMessage> reply = tokyo.send(Frontend.create().query("types"));
    assertEquals("2026-11-25 17:11:12+09", reply.get(1).textValues().get(7));
  }

  @Test
  void syncFailureIsReportedBeforeReadyForQuery() {
    wire.session().failNextSync = true;
    List<BackendMessage> reply = query("insert");
    assertEquals("C E Z", BackendMessage.types(reply));
    assertEquals("40001", reply.get(1).fields().get('C'));
  }

  @Test
  void resultValuesUseTextFormat() {
    List<BackendMessage> reply = query("types");
    assertEquals("T D C Z", BackendMessage.types(reply));
    assertEquals(
        java.util.Arrays.asList("42", "9000000000", "héllo", "-12.345", "t", "2026-11-25",
            "2026-11-25 10:11:12.123456", "2026-11-25 08:11:12+00",
            "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "\\x0102ff", "0.1", "{1,2,3}",
            "{\"a b\",NULL,c}", null),
        reply.get(1).textValues());
  }

  @Test
  void simpleQueryClosesItsPortalsAndStatements() {
    query("select 1; rows 3");
    assertEquals(0, wire.session().openPortals.get());
    assertEquals(0, wire.session().openStatements.get());
  }

  @Test
  void functionCallIsRefused() {
    byte[] call = {'F', 0, 0, 0, 14, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
    List<BackendMessage> reply = BackendMessage.parseAll(wire.sendRaw(call));
    assertEquals("E Z", BackendMessage.types(reply));
    assertEquals("0A000", reply.get(0).fields().get('C'));
  }

  private static String status(List<BackendMessage> reply) {
    return new String(reply.getLast().body());
  }
}
