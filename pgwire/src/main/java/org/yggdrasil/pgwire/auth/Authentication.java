package org.yggdrasil.pgwire.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the server authenticates connections: {@link #TRUST} (everyone, PostgreSQL's {@code
 * trust}; the default for local development) or SCRAM-SHA-256 against {@link Credentials}.
 */
public final class Authentication {
  /** No password asked: AuthenticationOk right after the startup packet. */
  public static final Authentication TRUST = new Authentication(null, null);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Credentials credentials;
  private final Supplier<String> serverNonces;

  private Authentication(Credentials credentials, Supplier<String> serverNonces) {
    this.credentials = credentials;
    this.serverNonces = serverNonces;
  }

  /** SCRAM-SHA-256 for every connection, against {@code credentials}. */
  public static Authentication scram(Credentials credentials) {
    return scram(credentials, Authentication::randomNonce);
  }

  /** As {@link #scram(Credentials)} with chosen server nonces: for known-answer tests. */
  public static Authentication scram(Credentials credentials, Supplier<String> serverNonces) {
    return new Authentication(Objects.requireNonNull(credentials), serverNonces);
  }

  /** Whether a password is asked for. */
  public boolean required() {
    return credentials != null;
  }

  /**
   * Starts an exchange for the startup packet's user.
   *
   * @param channelBinding the connection's {@link TlsServerEndPoint} data, or null when it is
   *     not encrypted: then SCRAM-SHA-256-PLUS is not offered
   */
  public ScramExchange begin(String user, byte[] channelBinding) {
    if (credentials == null) {
      throw new IllegalStateException("trust authentication has no exchange");
    }
    var verifier = credentials.verifier(user);
    return new ScramExchange(user, verifier.orElseGet(() -> credentials.mock(user)),
        verifier.isPresent(), serverNonces.get(), channelBinding);
  }

  /** 18 random bytes in base64, as PostgreSQL ({@code SCRAM_RAW_NONCE_LEN}). */
  private static String randomNonce() {
    byte[] raw = new byte[18];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  @Override
  public String toString() {
    return credentials == null ? "trust" : "scram-sha-256 (" + credentials.size() + " users)";
  }
}
