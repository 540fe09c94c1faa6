package org.yggdrasil.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.EmbeddedWire;
import org.yggdrasil.pgwire.testing.Frontend;

/** The connection handshake, byte for byte. */
class StartupTest {

  @Test
  void sslRequestIsRefusedWithNThenStartupProceeds() {
    EmbeddedWire wire = new EmbeddedWire();
    assertArrayEquals(new byte[] {'N'}, wire.sendRaw(Frontend.create().sslRequest().bytes()));

    List<BackendMessage> reply = wire.startup();

    // AuthenticationOk, 11 ParameterStatus, BackendKeyData, ReadyForQuery
    assertEquals("R S S S S S S S S S S S K Z", BackendMessage.types(reply));
    assertEquals(0, reply.get(0).buf().readInt(), "AuthenticationOk");
    ByteBuf key = reply.get(12).buf();
    assertEquals(wire.session().processId(), key.readInt());
    assertEquals(wire.session().secretKey(), key.readInt());
    assertEquals("I", new String(reply.get(13).body()));
    assertTrue(wire.channel.isOpen());
  }

  @Test
  void parameterStatusCarriesTheSessionsParameters() {
    EmbeddedWire wire = new EmbeddedWire();
    List<BackendMessage> reply = wire.startup();
    BackendMessage clientEncoding = reply.get(2);
    ByteBuf b = clientEncoding.buf();
    assertEquals("client_encoding", cstring(b));
    assertEquals("UTF8", cstring(b));
    assertEquals("ygg", wire.session().startup.user());
  }

  @Test
  void gssEncRequestThenSslRequestBothGetN() {
    EmbeddedWire wire = new EmbeddedWire();
    assertArrayEquals(new byte[] {'N', 'N'},
        wire.sendRaw(Frontend.create().gssRequest().sslRequest().bytes()));
    assertEquals('Z', wire.startup().getLast().type());
  }

  @Test
  void unknownDatabaseIsFatal3D000AndCloses() {
    EmbeddedWire wire = new EmbeddedWire();
    List<BackendMessage> reply =
        wire.send(Frontend.create().startup("user", "ygg", "database", "nope"));
    assertEquals("E", BackendMessage.types(reply));
    Map<Character, String> fields = reply.get(0).fields();
    assertEquals("FATAL", fields.get('S'));
    assertEquals("FATAL", fields.get('V'));
    assertEquals("3D000", fields.get('C'));
    assertEquals("database \"nope\" does not exist", fields.get('M'));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void missingUserIsFatal28000() {
    EmbeddedWire wire = new EmbeddedWire();
    List<BackendMessage> reply = wire.send(Frontend.create().startup("database", "ygg"));
    assertEquals("28000", reply.get(0).fields().get('C'));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void protocol2IsRefusedWith0A000() {
    EmbeddedWire wire = new EmbeddedWire();
    List<BackendMessage> reply =
        wire.send(Frontend.create().startupVersion(2 << 16, "user", "ygg"));
    Map<Character, String> fields = reply.get(0).fields();
    assertEquals("0A000", fields.get('C'));
    assertEquals("unsupported frontend protocol 2.0: server supports 3.0 to 3.0",
        fields.get('M'));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void protocol32IsNegotiatedDownTo30() {
    EmbeddedWire wire = new EmbeddedWire();
    List<BackendMessage> reply = wire.send(
        Frontend.create().startupVersion((3 << 16) | 2, "user", "ygg", "_pq_.foo", "bar"));
    assertEquals('v', reply.get(0).type());
    ByteBuf v = reply.get(0).buf();
    assertEquals(0, v.readInt(), "newest minor version supported");
    assertEquals(1, v.readInt());
    assertEquals("_pq_.foo", cstring(v));
    assertEquals('R', reply.get(1).type());
    assertEquals('Z', reply.getLast().type());
    assertFalse(wire.session().startup.values().containsKey("_pq_.foo"));
  }

  @Test
  void cancelRequestCancelsTheMatchingSessionAndClosesSilently() {
    EmbeddedWire first = new EmbeddedWire();
    first.startup();
    EmbeddedWire canceller = new EmbeddedWire(first.engine);

    byte[] reply = canceller.sendRaw(Frontend.create()
        .cancelRequest(first.session().processId(), first.session().secretKey()).bytes());

    assertEquals(0, reply.length);
    assertFalse(canceller.channel.isOpen());
    assertEquals(1, first.engine.cancelRequests.get());
    assertEquals(1, first.session().cancels.get());
  }

  @Test
  void cancelRequestWithWrongKeyIsIgnored() {
    EmbeddedWire first = new EmbeddedWire();
    first.startup();
    EmbeddedWire canceller = new EmbeddedWire(first.engine);
    canceller.sendRaw(
        Frontend.create().cancelRequest(first.session().processId(), 12345).bytes());
    assertEquals(0, first.session().cancels.get());
    assertFalse(canceller.channel.isOpen());
  }

  @Test
  void terminateClosesSessionAndChannel() {
    EmbeddedWire wire = new EmbeddedWire();
    wire.startup();
    assertEquals(0, wire.send(Frontend.create().terminate()).size());
    assertTrue(wire.session().closed);
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void clientClosingTheChannelFreesTheSession() {
    EmbeddedWire wire = new EmbeddedWire();
    wire.startup();
    wire.channel.close();
    assertTrue(wire.session().closed);
    assertEquals(1, wire.session().cancels.get());
  }

  @Test
  void adminShutdownSendsFatal57P01() {
    EmbeddedWire wire = new EmbeddedWire();
    wire.startup();
    wire.channel.pipeline().fireUserEventTriggered(AdminShutdown.INSTANCE);
    List<BackendMessage> reply = BackendMessage.parseAll(wire.drain());
    assertEquals("57P01", reply.get(0).fields().get('C'));
    assertFalse(wire.channel.isOpen());
    assertTrue(wire.session().closed);
  }

  static String cstring(ByteBuf b) {
    int nul = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
    String s = b.toString(b.readerIndex(), nul - b.readerIndex(),
        java.nio.charset.StandardCharsets.UTF_8);
    b.readerIndex(nul + 1);
    return s;
  }
}
