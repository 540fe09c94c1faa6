package org.yggdrasil.pgwire.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the server keeps of a password, as PostgreSQL stores it in {@code pg_authid.rolpassword}:
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64). It lets the server
 * check a client's proof and prove itself, but not recover the password or log in as the user.
 *
 * @param storedKey {@code H(HMAC(SaltedPassword, "Client Key"))}
 * @param serverKey {@code HMAC(SaltedPassword, "Server Key")}
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
  public static final String PREFIX = "SCRAM-SHA-256$";

  /** PostgreSQL's defaults: {@code scram_iterations} 4096 and a 16-byte salt. */
  public static final int DEFAULT_ITERATIONS = 4096;

  static final int SALT_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  public ScramVerifier {
    if (iterations < 1) {
      throw new IllegalArgumentException("iteration count must be positive");
    }
    if (storedKey.length != 32 || serverKey.length != 32) {
      throw new IllegalArgumentException("StoredKey and ServerKey must be 32 bytes");
    }
    salt = salt.clone();
    storedKey = storedKey.clone();
    serverKey = serverKey.clone();
  }

  /** A verifier for {@code password} with a fresh random salt and the default iterations. */
  public static ScramVerifier fromPassword(String password) {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return fromPassword(password, salt, DEFAULT_ITERATIONS);
  }

  public static ScramVerifier fromPassword(String password, byte[] salt, int iterations) {
    if (password.isEmpty()) {
      throw new IllegalArgumentException("empty passwords are not allowed");
    }
    byte[] salted = ScramCrypto.saltedPassword(password, salt, iterations);
    byte[] clientKey = ScramCrypto.hmac(salted, "Client Key");
    return new ScramVerifier(iterations, salt, ScramCrypto.sha256(clientKey),
        ScramCrypto.hmac(salted, "Server Key"));
  }

  /** True if {@code text} has the verifier's prefix (and so is not a plaintext password). */
  public static boolean looksLikeVerifier(String text) {
    return text.startsWith(PREFIX);
  }

  /**
   * Parses {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static ScramVerifier parse(String text) {
    if (!looksLikeVerifier(text)) {
      throw new IllegalArgumentException("a verifier starts with " + PREFIX);
    }
    String[] parts = text.substring(PREFIX.length()).split("\\$", -1);
    String[] first = parts[0].split(":", -1);
    String[] keys = parts.length == 2 ? parts[1].split(":", -1) : new String[0];
    if (first.length != 2 || keys.length != 2) {
      throw new IllegalArgumentException(
          "expected SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      return new ScramVerifier(Integer.parseInt(first[0]), b64.decode(first[1]),
          b64.decode(keys[0]), b64.decode(keys[1]));
    } catch (IllegalArgumentException e) { // also NumberFormatException
      throw new IllegalArgumentException("malformed SCRAM-SHA-256 verifier: " + e.getMessage(), e);
    }
  }

  /** The text form {@link #parse} reads, as PostgreSQL prints it. */
  public String encoded() {
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + iterations + ":" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public String toString() {
    return "ScramVerifier[iterations=" + iterations + "]"; // no key material in logs
  }
}
