package org.yggdrasil.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.FakeEngine;
import org.yggdrasil.pgwire.testing.FakeSession;
import org.yggdrasil.pgwire.testing.Frontend;
import org.yggdrasil.pgwire.testing.WireClient;

/** The real server over real sockets: threading, backpressure, pipelining, cancel, shutdown. */
@Timeout(60)
class ServerSocketTest {
  private FakeEngine engine;
  private PgServer server;

  @BeforeEach
  void start() {
    engine = new FakeEngine();
    server = PgServer.start(engine, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void simpleQueryOverTcp() throws Exception {
    try (WireClient c = WireClient.connect(server.port())) {
      List<BackendMessage> reply = c.send(Frontend.create().query("select 1")).readUntilReady();
      assertEquals("T D C Z", BackendMessage.types(reply));
    }
  }

  @Test
  void stackOverflowOnAVirtualThreadKeepsTheConnection() throws Exception {
    try (WireClient c = WireClient.connect(server.port())) {
      List<BackendMessage> reply = c.send(Frontend.create().query("deep")).readUntilReady();
      assertEquals("54000", BackendMessage.error(reply).get('C'));
      assertEquals("T D C Z",
          BackendMessage.types(c.send(Frontend.create().query("select 1")).readUntilReady()));
    }
  }

  @Test
  void longPipelineWithoutSyncIsFlushedAsItGoes() throws Exception {
    try (WireClient c = WireClient.connect(server.port())) {
      Frontend f = Frontend.create().parse("s", "rows 50");
      for (int i = 0; i < 2000; i++) {
        f.bind("", "s").execute("", 0);
      }
      c.send(f.flush());
      // 2000 x 50 rows = 100k DataRows arrive without any Sync: nothing waits for one.
      int rows = 0;
      while (rows < 100_000) {
        if (c.read().type() == 'D') {
          rows++;
        }
      }
      assertEquals("Z", BackendMessage.types(List.of(
          c.send(Frontend.create().sync()).readUntilReady().getLast())));
    }
  }

  @Test
  void largeResultStreamsWithBackpressure() throws Exception {
    int rows = 100_000;
    try (WireClient c = WireClient.connect(server.port())) {
      FakeSession session = engine.last();
      c.send(Frontend.create().query("wide " + rows + " 1000")); // ~100 MB of results
      Thread.sleep(1500); // a client that does not read
      long produced = session.rowsProduced.get();
      assertTrue(produced < rows / 2,
          "the engine must be held back while the client does not read, produced " + produced);

      int dataRows = 0;
      BackendMessage m;
      while ((m = c.read()).type() != 'Z') {
        if (m.type() == 'D') {
          dataRows++;
        } else if (m.type() == 'C') {
          assertEquals("SELECT " + rows, m.string());
        }
      }
      assertEquals(rows, dataRows);
    }
  }

  @Test
  void clientVanishingMidResultFreesTheSession() throws Exception {
    FakeSession session;
    try (WireClient c = WireClient.connect(server.port())) {
      session = engine.last();
      c.send(Frontend.create().query("wide 10000000 100"));
      c.read(); // RowDescription: the statement is running
    }
    assertTrue(session.closedLatch.await(10, TimeUnit.SECONDS), "session closed");
    long after = session.rowsProduced.get();
    Thread.sleep(200);
    assertEquals(after, session.rowsProduced.get(), "the statement stopped");
    assertTrue(after < 10_000_000);
  }

  @Test
  void clientVanishingDuringABlockedStatementCancelsIt() throws Exception {
    FakeSession session;
    try (WireClient c = WireClient.connect(server.port())) {
      session = engine.last();
      c.send(Frontend.create().query("sleep"));
      Thread.sleep(100);
    }
    assertTrue(session.closedLatch.await(10, TimeUnit.SECONDS));
    assertTrue(session.cancels.get() >= 1);
  }

  @Test
  void cancelRequestOnASecondConnection() throws Exception {
    try (WireClient c = WireClient.connect(server.port())) {
      FakeSession session = engine.last();
      c.send(Frontend.create().query("sleep"));
      Thread.sleep(100);
      try (WireClient canceller = new WireClient(server.port())) {
        canceller.send(Frontend.create().cancelRequest(session.processId(), session.secretKey()));
        assertTrue(canceller.closedByServer());
      }
      List<BackendMessage> reply = c.readUntilReady();
      assertEquals("E Z", BackendMessage.types(reply));
      assertEquals("57014", BackendMessage.error(reply).get('C'));
      // and the connection carries on
      assertEquals("T D C Z",
          BackendMessage.types(c.send(Frontend.create().query("select 2")).readUntilReady()));
    }
  }

  @Test
  void manyPipelinedMessagesAreAnsweredInOrder() throws Exception {
    int statements = 3000; // 9000 messages: reading pauses and resumes along the way
    Frontend f = Frontend.create().parse("s", "select 1");
    for (int i = 0; i < statements; i++) {
      f.bind("", "s").execute("", 0);
    }
    f.sync();
    try (WireClient c = WireClient.connect(server.port())) {
      c.send(f);
      List<BackendMessage> reply = c.readUntilReady();
      long completes = reply.stream().filter(m -> m.type() == 'C').count();
      assertEquals(statements, completes);
      assertEquals('1', reply.get(0).type());
    }
  }

  @Test
  void protocolViolationClosesOnlyThatConnection() throws Exception {
    try (WireClient good = WireClient.connect(server.port());
        WireClient bad = WireClient.connect(server.port())) {
      bad.send(Frontend.create().raw((byte) 'Q').int32(Integer.MAX_VALUE));
      BackendMessage error = bad.read();
      assertEquals('E', error.type());
      assertEquals("08P01", error.fields().get('C'));
      assertTrue(bad.closedByServer());
      assertEquals("T D C Z",
          BackendMessage.types(good.send(Frontend.create().query("select 3")).readUntilReady()));
    }
  }

  @Test
  void closeSendsAdminShutdownToConnectedClients() throws Exception {
    try (WireClient c = WireClient.connect(server.port())) {
      FakeSession session = engine.last();
      server.close();
      BackendMessage m = c.read();
      assertEquals("57P01", m.fields().get('C'));
      assertTrue(c.closedByServer());
      assertTrue(session.closed);
    }
  }
}
