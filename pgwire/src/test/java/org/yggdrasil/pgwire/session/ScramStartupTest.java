package org.yggdrasil.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.auth.Credentials;
import org.yggdrasil.pgwire.auth.ScramVerifier;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.EmbeddedWire;
import org.yggdrasil.pgwire.testing.Frontend;

/**
 * The SCRAM-SHA-256 handshake byte for byte, with the example exchange of RFC 7677 section 3
 * (user "user", password "pencil"): the server nonce and the salt are the RFC's, so every
 * server message must be exactly the RFC's.
 */
class ScramStartupTest {
  static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
  static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  static final String SERVER_FIRST =
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  static final String CLIENT_FINAL_NO_PROOF =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  static final String CLIENT_FINAL =
      CLIENT_FINAL_NO_PROOF + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  static Authentication rfc7677() {
    ScramVerifier pencil = ScramVerifier.fromPassword(
        "pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
    return Authentication.scram(Credentials.of(Map.of("user", pencil)), () -> SERVER_NONCE);
  }

  private static List<BackendMessage> startupAs(EmbeddedWire wire, String user) {
    return wire.send(Frontend.create().startup("user", user, "database", "ygg"));
  }

  @Test
  void rfc7677ExchangeThenAuthenticationOk() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());

    List<BackendMessage> sasl = startupAs(wire, "user");
    assertEquals("R", BackendMessage.types(sasl));
    ByteBuf mechanisms = sasl.get(0).buf();
    assertEquals(10, mechanisms.readInt(), "AuthenticationSASL");
    assertEquals("SCRAM-SHA-256", StartupTest.cstring(mechanisms));
    assertEquals(0, mechanisms.readByte(), "list ends; no SCRAM-SHA-256-PLUS");
    assertFalse(mechanisms.isReadable());
    assertTrue(wire.engine.sessions.isEmpty(), "no session before the password is checked");

    List<BackendMessage> cont =
        wire.send(Frontend.create().saslInitialResponse("SCRAM-SHA-256", CLIENT_FIRST));
    assertEquals("R", BackendMessage.types(cont));
    assertEquals(11, cont.get(0).buf().readInt(), "AuthenticationSASLContinue");
    assertEquals(SERVER_FIRST, data(cont.get(0)));

    List<BackendMessage> fin = wire.send(Frontend.create().saslResponse(CLIENT_FINAL));
    assertEquals("R R S S S S S S S S S S S K Z", BackendMessage.types(fin));
    assertEquals(12, fin.get(0).buf().readInt(), "AuthenticationSASLFinal");
    assertEquals(SERVER_FINAL, data(fin.get(0)));
    assertEquals(0, fin.get(1).buf().readInt(), "AuthenticationOk");
    assertEquals("user", wire.session().startup.user());
    assertEquals('Z', wire.send(Frontend.create().query("select 1")).getLast().type());
  }

  @Test
  void wrongProofIsFatal28P01AndCloses() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    startupAs(wire, "user");
    wire.send(Frontend.create().saslInitialResponse("SCRAM-SHA-256", CLIENT_FIRST));
    byte[] proof = new byte[32]; // what a client with another password would send
    List<BackendMessage> reply = wire.send(Frontend.create().saslResponse(
        CLIENT_FINAL_NO_PROOF + ",p=" + Base64.getEncoder().encodeToString(proof)));

    assertEquals("E", BackendMessage.types(reply));
    Map<Character, String> error = reply.get(0).fields();
    assertEquals("FATAL", error.get('S'));
    assertEquals("28P01", error.get('C'));
    assertEquals("password authentication failed for user \"user\"", error.get('M'));
    assertFalse(wire.channel.isOpen());
    assertTrue(wire.engine.sessions.isEmpty());
  }

  /** Same messages as a wrong password, with a salt that stays the same across attempts. */
  @Test
  void unknownUserLooksLikeAWrongPassword() {
    Authentication server = rfc7677();
    String[] salts = new String[2];
    for (int i = 0; i < 2; i++) {
      EmbeddedWire wire = new EmbeddedWire(server);
      assertEquals(10, startupAs(wire, "mallory").get(0).buf().readInt());
      String serverFirst = data(wire.send(
          Frontend.create().saslInitialResponse("SCRAM-SHA-256", CLIENT_FIRST)).get(0));
      assertTrue(serverFirst.startsWith("r=rOprNGfwEbeRWgbNEkqO" + SERVER_NONCE + ",s="),
          serverFirst);
      assertTrue(serverFirst.endsWith(",i=4096"), serverFirst);
      salts[i] = serverFirst.split(",")[1];
      assertEquals(16, Base64.getDecoder().decode(salts[i].substring(2)).length);

      List<BackendMessage> reply = wire.send(Frontend.create().saslResponse(CLIENT_FINAL));
      Map<Character, String> error = BackendMessage.error(reply);
      assertEquals("28P01", error.get('C'));
      assertEquals("password authentication failed for user \"mallory\"", error.get('M'));
      assertFalse(wire.channel.isOpen());
    }
    assertEquals(salts[0], salts[1]);
  }

  @Test
  void unknownMechanismIsFatal08P01() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    startupAs(wire, "user");
    List<BackendMessage> reply =
        wire.send(Frontend.create().saslInitialResponse("SCRAM-SHA-256-PLUS", CLIENT_FIRST));
    Map<Character, String> error = BackendMessage.error(reply);
    assertEquals("08P01", error.get('C'));
    assertEquals("client selected an invalid SASL authentication mechanism", error.get('M'));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void channelBindingDataIsRefusedWithoutPlus() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    startupAs(wire, "user");
    List<BackendMessage> reply = wire.send(Frontend.create().saslInitialResponse(
        "SCRAM-SHA-256", "p=tls-server-end-point,,n=,r=abc"));
    Map<Character, String> error = BackendMessage.error(reply);
    assertEquals("08P01", error.get('C'));
    assertEquals("malformed SCRAM message", error.get('M'));
    assertTrue(error.get('D').contains("channel binding"), error.get('D'));
  }

  @Test
  void changedNonceIsRefused() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    startupAs(wire, "user");
    wire.send(Frontend.create().saslInitialResponse("SCRAM-SHA-256", CLIENT_FIRST));
    List<BackendMessage> reply = wire.send(Frontend.create().saslResponse(
        CLIENT_FINAL.replace("k0,p=", "k1,p=")));
    Map<Character, String> error = BackendMessage.error(reply);
    assertEquals("08P01", error.get('C'));
    assertEquals("Nonce does not match.", error.get('D'));
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void queryInsteadOfSaslResponseIsFatal() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    startupAs(wire, "user");
    Map<Character, String> error =
        BackendMessage.error(wire.send(Frontend.create().query("select 1")));
    assertEquals("08P01", error.get('C'));
    assertEquals("expected SASL response", error.get('M'));
    assertFalse(wire.channel.isOpen());
    assertTrue(wire.engine.sessions.isEmpty());
  }

  @Test
  void secondStartupDuringAuthenticationIsFatal() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    startupAs(wire, "user");
    // The decoder already left the startup state, so this arrives as an unknown message type.
    byte[] reply = wire.sendRaw(Frontend.create().startup("user", "user").bytes());
    assertEquals('E', (char) reply[0]);
    assertFalse(wire.channel.isOpen());
  }

  @Test
  void stalledAuthenticationIsClosedAfterTheTimeout() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    wire.channel.freezeTime();
    startupAs(wire, "user");
    wire.send(Frontend.create().saslInitialResponse("SCRAM-SHA-256", CLIENT_FIRST));
    wire.channel.advanceTimeBy(StartupFlow.AUTHENTICATION_TIMEOUT_SECONDS - 1, TimeUnit.SECONDS);
    wire.channel.runScheduledPendingTasks();
    assertTrue(wire.channel.isOpen());
    wire.channel.advanceTimeBy(2, TimeUnit.SECONDS);
    wire.channel.runScheduledPendingTasks();
    assertFalse(wire.channel.isOpen());
    assertTrue(wire.engine.sessions.isEmpty());
  }

  @Test
  void finishedAuthenticationIsNotTimedOut() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    wire.channel.freezeTime();
    startupAs(wire, "user");
    wire.send(Frontend.create().saslInitialResponse("SCRAM-SHA-256", CLIENT_FIRST));
    wire.send(Frontend.create().saslResponse(CLIENT_FINAL));
    wire.channel.advanceTimeBy(StartupFlow.AUTHENTICATION_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
    wire.channel.runScheduledPendingTasks();
    assertTrue(wire.channel.isOpen());
    assertEquals('Z', wire.send(Frontend.create().query("select 1")).getLast().type());
  }

  @Test
  void trustStillSendsAuthenticationOkAtOnce() {
    EmbeddedWire wire = new EmbeddedWire(Authentication.TRUST);
    List<BackendMessage> reply = startupAs(wire, "anyone");
    assertEquals(0, reply.get(0).buf().readInt());
    assertEquals('Z', reply.getLast().type());
  }

  @Test
  void saslMessagesAreFramedAsPostgresFramesThem() {
    EmbeddedWire wire = new EmbeddedWire(rfc7677());
    byte[] raw = wire.sendRaw(Frontend.create().startup("user", "user", "database", "ygg").bytes());
    byte[] expected = ("R\0\0\0\027\0\0\0\nSCRAM-SHA-256\0\0").getBytes(StandardCharsets.ISO_8859_1);
    assertArrayEquals(expected, raw);
  }

  private static String data(BackendMessage m) {
    ByteBuf b = m.buf();
    b.readInt();
    return b.toString(StandardCharsets.UTF_8);
  }
}
