package org.yggdrasil.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * SCRAM exchanges driven by a client computed here from RFC 5802's definitions, with and without
 * channel binding (tls-server-end-point data is opaque bytes to the exchange).
 */
class ScramExchangeTest {
  static final byte[] CERT_HASH = new byte[32];

  static {
    Arrays.fill(CERT_HASH, (byte) 7);
  }

  final Authentication auth = Authentication.scram(
      Credentials.ofPassword("ygg", "pw"), () -> "SERVERNONCE");

  @Test
  void withoutTlsOnlyPlainScramIsOffered() {
    assertEquals(List.of("SCRAM-SHA-256"), auth.begin("ygg", null).mechanisms());
  }

  @Test
  void overTlsPlusIsOfferedFirst() {
    assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"),
        auth.begin("ygg", CERT_HASH).mechanisms());
  }

  @Test
  void plusExchangeBindsToTheCertificate() {
    ScramExchange ex = auth.begin("ygg", CERT_HASH);
    String header = "p=tls-server-end-point,,";
    String serverFinal = run(ex, "SCRAM-SHA-256-PLUS", header, "pw", cbind(header, CERT_HASH));
    assertTrue(serverFinal.startsWith("v="), serverFinal);
  }

  @Test
  void plusWithAnotherCertificatesHashFails() {
    ScramExchange ex = auth.begin("ygg", CERT_HASH);
    String header = "p=tls-server-end-point,,";
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> run(ex, "SCRAM-SHA-256-PLUS", header, "pw", cbind(header, new byte[32])));
    assertEquals("SCRAM channel binding check failed", e.getMessage());
    assertEquals("08P01", e.state().code());
  }

  @Test
  void plainScramOverTlsStillWorks() {
    ScramExchange ex = auth.begin("ygg", CERT_HASH);
    assertTrue(run(ex, "SCRAM-SHA-256", "n,,", "pw", cbind("n,,", null)).startsWith("v="));
  }

  /** 'y' means "I could bind but you cannot": wrong when we offered -PLUS (a downgrade). */
  @Test
  void clientThinkingWeCannotBindOverTlsIsRefused() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> auth.begin("ygg", CERT_HASH).serverFirst("SCRAM-SHA-256", "y,,n=,r=abc"));
    assertEquals("28000", e.state().code());
    assertEquals("SCRAM channel binding negotiation error", e.getMessage());
    assertTrue(run(auth.begin("ygg", null), "SCRAM-SHA-256", "y,,", "pw", cbind("y,,", null))
        .startsWith("v="), "without TLS, 'y' is the truth");
  }

  @Test
  void plusWithoutBindingDataOrAnotherTypeIsRefused() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> auth.begin("ygg", CERT_HASH).serverFirst("SCRAM-SHA-256-PLUS", "n,,n=,r=abc"));
    assertEquals("malformed SCRAM message", e.getMessage());
    e = assertThrows(SqlStateException.class, () -> auth.begin("ygg", CERT_HASH)
        .serverFirst("SCRAM-SHA-256-PLUS", "p=tls-unique,,n=,r=abc"));
    assertEquals("0A000", e.state().code());
    assertEquals("unsupported SCRAM channel-binding type \"tls-unique\"", e.getMessage());
  }

  @Test
  void wrongPasswordIs28P01() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> run(auth.begin("ygg", null), "SCRAM-SHA-256", "n,,", "wrong", cbind("n,,", null)));
    assertEquals("28P01", e.state().code());
    assertEquals("password authentication failed for user \"ygg\"", e.getMessage());
  }

  @Test
  void authorizationIdentityIsNotSupported() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> auth.begin("ygg", null).serverFirst("SCRAM-SHA-256", "n,a=root,n=,r=abc"));
    assertEquals("0A000", e.state().code());
  }

  private static String cbind(String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    byte[] all = data == null ? h : Arrays.copyOf(h, h.length + data.length);
    if (data != null) {
      System.arraycopy(data, 0, all, h.length, data.length);
    }
    return Base64.getEncoder().encodeToString(all);
  }

  /** Runs the client side (RFC 5802 section 3) and returns the server-final-message. */
  static String run(ScramExchange ex, String mechanism, String header, String password,
      String channelBinding) {
    String clientFirstBare = "n=,r=clientnonce";
    String serverFirst = ex.serverFirst(mechanism, header + clientFirstBare);
    Map<Character, String> f = new java.util.HashMap<>();
    for (String part : serverFirst.split(",")) {
      f.put(part.charAt(0), part.substring(2));
    }
    assertTrue(f.get('r').startsWith("clientnonce"), serverFirst);
    byte[] salted = ScramCrypto.saltedPassword(password, Base64.getDecoder().decode(f.get('s')),
        Integer.parseInt(f.get('i')));
    byte[] clientKey = ScramCrypto.hmac(salted, "Client Key");
    String withoutProof = "c=" + channelBinding + ",r=" + f.get('r');
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] proof = ScramCrypto.xor(clientKey,
        ScramCrypto.hmac(ScramCrypto.sha256(clientKey), authMessage));
    String serverFinal = ex.serverFinal(
        withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    byte[] serverKey = ScramCrypto.hmac(salted, "Server Key");
    assertEquals("v=" + Base64.getEncoder().encodeToString(
        ScramCrypto.hmac(serverKey, authMessage)), serverFinal, "the server proves itself");
    return serverFinal;
  }
}
