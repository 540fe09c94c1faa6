package org.yggdrasil.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.EmbeddedWire;
import org.yggdrasil.pgwire.testing.Frontend;

/**
 * A client that breaks the protocol gets one FATAL 08P01 ErrorResponse and a closed connection;
 * nothing is thrown into the pipeline (EmbeddedWire checks) and the session is freed.
 */
class MalformedInputTest {

  private static EmbeddedWire ready() {
    EmbeddedWire wire = new EmbeddedWire();
    wire.startup();
    return wire;
  }

  private static void assertFatal(EmbeddedWire wire, byte[] reply, String code, String message) {
    List<BackendMessage> messages = BackendMessage.parseAll(reply);
    assertEquals("E", BackendMessage.types(messages));
    Map<Character, String> f = messages.get(0).fields();
    assertEquals("FATAL", f.get('S'));
    assertEquals(code, f.get('C'));
    assertEquals(message, f.get('M'));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void truncatedBindBody() {
    EmbeddedWire wire = ready();
    // Bind claiming one 100-byte parameter inside a 20-byte message.
    byte[] bind = Frontend.create().raw((byte) 'B').int32(16)
        .raw((byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 1)
        .int32(100).raw(new byte[2]).bytes();
    assertFatal(wire, wire.sendRaw(bind), "08P01", "insufficient data left in message");
    assertTrue(wire.session().closed);
  }

  @Test
  void negativeLength() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().raw((byte) 'Q').int32(-5).bytes());
    assertFatal(wire, reply, "08P01", "invalid message length");
  }

  @Test
  void lengthBelowFour() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().raw((byte) 'S').int32(3).bytes());
    assertFatal(wire, reply, "08P01", "invalid message length");
  }

  @Test
  void absurdLengthIsRejectedWithoutWaitingForTheBody() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().raw((byte) 'Q').int32(0x7FFF_FFFF).bytes());
    assertFatal(wire, reply, "08P01", "invalid message length");
  }

  @Test
  void smallMessageTypesHaveASmallLimit() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().raw((byte) 'S').int32(20_000).bytes());
    assertFatal(wire, reply, "08P01", "invalid message length");
  }

  @Test
  void garbageTypeByte() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(new byte[] {'z', 1, 2, 3});
    assertFatal(wire, reply, "08P01", "invalid frontend message type 122");
  }

  @Test
  void invalidUtf8InQuery() {
    EmbeddedWire wire = ready();
    byte[] query = Frontend.create().raw((byte) 'Q').int32(13)
        .raw("SELECT ".getBytes()).raw((byte) 0xFF, (byte) 0).bytes();
    assertFatal(wire, wire.sendRaw(query), "08P01",
        "invalid byte sequence for encoding \"UTF8\": 0xff");
  }

  @Test
  void overlongUtf8IsInvalid() {
    EmbeddedWire wire = ready();
    // 0xC0 0xAF is an overlong '/', a classic filter bypass.
    byte[] query = Frontend.create().raw((byte) 'Q').int32(7)
        .raw((byte) 0xC0, (byte) 0xAF, (byte) 0).bytes();
    assertFatal(wire, wire.sendRaw(query), "08P01",
        "invalid byte sequence for encoding \"UTF8\": 0xc0 0xaf");
  }

  @Test
  void unterminatedString() {
    EmbeddedWire wire = ready();
    byte[] query = Frontend.create().raw((byte) 'Q').int32(7).raw("abc".getBytes()).bytes();
    assertFatal(wire, wire.sendRaw(query), "08P01", "invalid string in message");
  }

  @Test
  void trailingBytesInAMessage() {
    EmbeddedWire wire = ready();
    byte[] sync = Frontend.create().raw((byte) 'S').int32(5).raw((byte) 1).bytes();
    assertFatal(wire, wire.sendRaw(sync), "08P01", "invalid message format");
  }

  @Test
  void badDescribeSubtype() {
    EmbeddedWire wire = ready();
    byte[] describe = Frontend.create().raw((byte) 'D').int32(6).raw((byte) 'X', (byte) 0)
        .bytes();
    assertFatal(wire, wire.sendRaw(describe), "08P01", "invalid DESCRIBE message subtype 88");
  }

  @Test
  void oversizedStartupPacket() {
    EmbeddedWire wire = new EmbeddedWire();
    byte[] reply = wire.sendRaw(Frontend.create().int32(20_000).int32(196608).bytes());
    assertFatal(wire, reply, "08P01", "invalid length of startup packet");
  }

  @Test
  void tinyStartupPacket() {
    EmbeddedWire wire = new EmbeddedWire();
    byte[] reply = wire.sendRaw(Frontend.create().int32(4).bytes());
    assertFatal(wire, reply, "08P01", "invalid length of startup packet");
  }

  @Test
  void startupWithoutTerminator() {
    EmbeddedWire wire = new EmbeddedWire();
    byte[] startup = Frontend.create().int32(17).int32(196608).raw("user\0ygg\0".getBytes())
        .bytes();
    assertFatal(wire, wire.sendRaw(startup), "08P01",
        "invalid startup packet layout: expected terminator as last byte");
  }

  @Test
  void tlsClientHelloInsteadOfStartup() {
    EmbeddedWire wire = new EmbeddedWire();
    byte[] reply = wire.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01});
    assertFatal(wire, reply, "08P01", "invalid length of startup packet");
  }

  @Test
  void passwordMessageIsUnexpectedUnderTrust() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().raw((byte) 'p').int32(8)
        .raw("pwd\0".getBytes()).bytes());
    assertFatal(wire, reply, "08P01", "invalid frontend message type 112");
  }

  @Test
  void bytesAfterAViolationAreIgnored() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().raw((byte) 'z')
        .query("select 1").sync().bytes());
    assertEquals("E", BackendMessage.types(BackendMessage.parseAll(reply)));
  }

  @Test
  void messagesBeforeTheViolationAreAnsweredFirst() {
    EmbeddedWire wire = ready();
    byte[] reply = wire.sendRaw(Frontend.create().query("select 1").raw((byte) 'z').bytes());
    assertEquals("T D C Z E", BackendMessage.types(BackendMessage.parseAll(reply)));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void partialMessagesWaitForMoreBytes() {
    EmbeddedWire wire = ready();
    byte[] whole = Frontend.create().query("select 1").bytes();
    for (byte b : java.util.Arrays.copyOf(whole, whole.length - 1)) {
      assertEquals(0, wire.sendRaw(new byte[] {b}).length);
    }
    byte[] reply = wire.sendRaw(new byte[] {whole[whole.length - 1]});
    assertEquals("T D C Z", BackendMessage.types(BackendMessage.parseAll(reply)));
  }
}
