package org.yggdrasil.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677),
 * as PostgreSQL runs it:
 *
 * Over TLS it also offers SCRAM-SHA-256-PLUS, binding the exchange to the server's certificate
 * ({@link TlsServerEndPoint}), so that a man in the middle with another certificate cannot
 * relay it.
 *
 * <pre>
 *   client-first  n,,n=&lt;ignored&gt;,r=&lt;client nonce&gt;
 *   server-first  r=&lt;client nonce&gt;&lt;server nonce&gt;,s=&lt;salt&gt;,i=&lt;iterations&gt;
 *   client-final  c=biws,r=&lt;nonce&gt;,p=&lt;ClientProof&gt;
 *   server-final  v=&lt;ServerSignature&gt;
 * </pre>
 *
 * The user is the one from the startup packet; the name in client-first is ignored (libpq sends
 * it empty). An unknown user gets a mock verifier and fails at the proof, exactly like a wrong
 * password, so the reply does not tell which it was.
 */
public final class ScramExchange {
  public static final String MECHANISM = "SCRAM-SHA-256";
  public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
  static final String BINDING_TYPE = "tls-server-end-point";

  private final String user;
  private final ScramVerifier verifier;
  private final boolean known;
  private final String serverNonce;
  private final byte[] channelBinding;

  private String gs2Header;
  private boolean bound;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  /**
   * @param verifier the user's verifier, or a mock one when {@code known} is false
   * @param serverNonce printable, without commas (PostgreSQL: 18 random bytes in base64)
   * @param channelBinding tls-server-end-point data, or null (not encrypted: no -PLUS)
   */
  ScramExchange(String user, ScramVerifier verifier, boolean known, String serverNonce,
      byte[] channelBinding) {
    this.user = user;
    this.verifier = verifier;
    this.known = known;
    this.serverNonce = serverNonce;
    this.channelBinding = channelBinding;
  }

  /** The mechanisms to offer in AuthenticationSASL, preferred first (as PostgreSQL). */
  public List<String> mechanisms() {
    return channelBinding == null ? List.of(MECHANISM) : List.of(MECHANISM_PLUS, MECHANISM);
  }

  /** True once {@link #serverFirst} has been answered. */
  public boolean started() {
    return serverFirst != null;
  }

  /**
   * Reads client-first-message and returns server-first-message.
   *
   * @param mechanism one of {@link #mechanisms()}, as the client chose in SASLInitialResponse
   */
  public String serverFirst(String mechanism, String clientFirst) {
    boolean plus = mechanism.equals(MECHANISM_PLUS);
    ScramReader r = new ScramReader(clientFirst);
    char flag = r.next();
    switch (flag) {
      case 'n', 'y' -> {
        if (plus) {
          throw malformed("The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does"
              + " not include channel binding data.");
        }
        if (flag == 'y' && channelBinding != null) {
          // The client could bind but thinks we cannot, although we offered it: someone
          // between us may have removed -PLUS from the list (a downgrade).
          throw new SqlStateException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
              "SCRAM channel binding negotiation error", "The client supports SCRAM channel"
              + " binding but thinks the server does not.  However, this server does support"
              + " channel binding.", null, 0, null);
        }
      }
      case 'p' -> {
        if (!plus) {
          throw malformed("The client selected SCRAM-SHA-256 without channel binding, but the"
              + " SCRAM message includes channel binding data.");
        }
        r.expect('=');
        String type = r.upTo(',');
        if (!type.equals(BINDING_TYPE)) {
          throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
              "unsupported SCRAM channel-binding type \"" + type + "\"");
        }
        bound = true;
      }
      default -> throw malformed("Unexpected channel-binding flag \"" + flag + "\".");
    }
    r.expect(',');
    if (r.peek() == 'a') {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "client uses authorization identity, but it is not supported");
    }
    r.expect(',');
    gs2Header = clientFirst.substring(0, r.position());
    clientFirstBare = clientFirst.substring(r.position());
    r.attribute('n'); // the user name: ignored, the startup packet's user counts
    String clientNonce = r.attribute('r');
    if (clientNonce.isEmpty() || !printable(clientNonce)) {
      throw malformed("Could not parse the client nonce.");
    }
    if (r.peek() == 'm') {
      throw malformed("Unsupported mandatory extension in client-first-message.");
    }
    nonce = clientNonce + serverNonce;
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
        + ",i=" + verifier.iterations();
    return serverFirst;
  }

  /**
   * Reads client-final-message, checks the proof and returns server-final-message.
   *
   * @throws SqlStateException 28P01 for a wrong password or an unknown user, 08P01 for a
   *     malformed message
   */
  public String serverFinal(String clientFinal) {
    if (serverFirst == null) {
      throw new IllegalStateException("client-final before client-first");
    }
    ScramReader r = new ScramReader(clientFinal);
    String binding = r.attribute('c');
    byte[] bindingBytes = decode(binding, "Malformed channel binding data.");
    if (!MessageDigest.isEqual(expectedBindingInput(), bindingBytes)) {
      throw new SqlStateException(SqlState.PROTOCOL_VIOLATION,
          "SCRAM channel binding check failed");
    }
    if (!nonce.equals(r.attribute('r'))) {
      throw new SqlStateException(SqlState.PROTOCOL_VIOLATION, "invalid SCRAM response",
          "Nonce does not match.", null, 0, null);
    }
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < r.position() - 1) {
      throw malformed("Could not find the proof in client-final-message.");
    }
    byte[] proof = decode(clientFinal.substring(proofAt + 3),
        "Malformed proof in client-final-message.");
    if (proof.length != 32) {
      throw malformed("Malformed proof in client-final-message.");
    }
    String authMessage = clientFirstBare + "," + serverFirst + ","
        + clientFinal.substring(0, proofAt);
    byte[] clientSignature = ScramCrypto.hmac(verifier.storedKey(), authMessage);
    byte[] clientKey = ScramCrypto.xor(proof, clientSignature);
    boolean match = MessageDigest.isEqual(ScramCrypto.sha256(clientKey), verifier.storedKey());
    if (!known || !match) {
      throw failed(user);
    }
    byte[] serverSignature = ScramCrypto.hmac(verifier.serverKey(), authMessage);
    return "v=" + Base64.getEncoder().encodeToString(serverSignature);
  }

  /** {@code c=} must be the gs2 header, followed by the binding data if the client bound. */
  private byte[] expectedBindingInput() {
    byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
    if (!bound) {
      return header;
    }
    byte[] input = Arrays.copyOf(header, header.length + channelBinding.length);
    System.arraycopy(channelBinding, 0, input, header.length, channelBinding.length);
    return input;
  }

  /** FATAL 28P01, the same for a wrong password and an unknown user (as PostgreSQL). */
  public static SqlStateException failed(String user) {
    return new SqlStateException(SqlState.INVALID_PASSWORD,
        "password authentication failed for user \"" + user + "\"");
  }

  static SqlStateException malformed(String detail) {
    return new SqlStateException(SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message",
        detail, null, 0, null);
  }

  private static byte[] decode(String base64, String detail) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw malformed(detail);
    }
  }

  /** RFC 5802 {@code printable}: 0x21-0x7E except ','. */
  private static boolean printable(String s) {
    return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
  }

  /** Reads {@code attr=value} fields of a SCRAM message, left to right. */
  private static final class ScramReader {
    private final String text;
    private int pos;

    ScramReader(String text) {
      this.text = text;
    }

    int position() {
      return pos;
    }

    char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    char next() {
      if (pos >= text.length()) {
        throw malformed("Attribute expected, but found end of string.");
      }
      return text.charAt(pos++);
    }

    void expect(char c) {
      char got = next();
      if (got != c) {
        throw malformed("Expected character \"" + c + "\" but found \"" + got + "\".");
      }
    }

    /** The text up to {@code c} (not consumed) or the end. */
    String upTo(char c) {
      int end = text.indexOf(c, pos);
      if (end < 0) {
        end = text.length();
      }
      String value = text.substring(pos, end);
      pos = end;
      return value;
    }

    /** {@code name=value}, up to the next comma (which is not consumed) or the end. */
    String attribute(char name) {
      char got = next();
      if (got != name) {
        throw malformed("Expected attribute \"" + name + "\" but found \"" + got + "\".");
      }
      expect('=');
      int end = text.indexOf(',', pos);
      if (end < 0) {
        end = text.length();
      }
      String value = text.substring(pos, end);
      pos = end;
      if (pos < text.length()) {
        pos++; // the comma
      }
      return value;
    }
  }
}
