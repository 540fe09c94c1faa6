package org.yggdrasil.pgwire.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users that may log in and their SCRAM verifiers. Only verifiers are kept in memory:
 * plaintext passwords read from a file or the command line are turned into verifiers (random
 * salt, 4096 iterations) as they are loaded.
 *
 * <p>The users file has one {@code user:secret} per line, where the secret is either a
 * plaintext password or a PostgreSQL verifier {@code SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:
 * <ServerKey>} (what {@code SELECT rolpassword FROM pg_authid} shows). Blank lines and lines
 * starting with {@code #} are skipped; the user name ends at the first colon.
 */
public final class Credentials {
  private final Map<String, ScramVerifier> verifiers;

  /** Per server: makes the mock salt of an unknown user stable but unpredictable. */
  private final byte[] mockSecret = new byte[32];

  private Credentials(Map<String, ScramVerifier> verifiers) {
    this.verifiers = Map.copyOf(verifiers);
    new SecureRandom().nextBytes(mockSecret);
  }

  public static Credentials of(Map<String, ScramVerifier> verifiers) {
    return new Credentials(verifiers);
  }

  /** One user with a plaintext password. */
  public static Credentials ofPassword(String user, String password) {
    return of(Map.of(user, ScramVerifier.fromPassword(password)));
  }

  /** This store and {@code other}; {@code other}'s entry wins for a user in both. */
  public Credentials with(Credentials other) {
    Map<String, ScramVerifier> all = new LinkedHashMap<>(verifiers);
    all.putAll(other.verifiers);
    return of(all);
  }

  /**
   * Reads a users file (see the class comment).
   *
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  public static Credentials load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, ScramVerifier> verifiers = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || colon == line.length() - 1) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": expected user:password or user:SCRAM-SHA-256$...");
      }
      String user = line.substring(0, colon);
      String secret = line.substring(colon + 1);
      try {
        verifiers.put(user, ScramVerifier.looksLikeVerifier(secret)
            ? ScramVerifier.parse(secret) : ScramVerifier.fromPassword(secret));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (verifiers.isEmpty()) {
      throw new IllegalArgumentException(file + ": no users (expected user:password lines)");
    }
    return of(verifiers);
  }

  public Optional<ScramVerifier> verifier(String user) {
    return Optional.ofNullable(verifiers.get(user));
  }

  /**
   * A verifier for a user that does not exist, so that the exchange looks the same as for a
   * real one (PostgreSQL's mock authentication): the salt is the same on every attempt, and no
   * proof can match its keys.
   */
  ScramVerifier mock(String user) {
    byte[] name = user.getBytes(StandardCharsets.UTF_8);
    byte[] input = Arrays.copyOf(mockSecret, mockSecret.length + name.length);
    System.arraycopy(name, 0, input, mockSecret.length, name.length);
    byte[] hash = ScramCrypto.sha256(input);
    return new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS,
        Arrays.copyOf(hash, ScramVerifier.SALT_LENGTH), ScramCrypto.sha256(hash),
        ScramCrypto.sha256(ScramCrypto.sha256(hash)));
  }

  public int size() {
    return verifiers.size();
  }
}
