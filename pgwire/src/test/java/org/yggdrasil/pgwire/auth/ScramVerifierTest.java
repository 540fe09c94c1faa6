package org.yggdrasil.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifiers in PostgreSQL's text form, and the users file. */
class ScramVerifierTest {
  /** What PostgreSQL 15 stored for {@code CREATE ROLE r PASSWORD 'open sesame'}. */
  static final String POSTGRES_VERIFIER = "SCRAM-SHA-256$4096:+ywLwulSKksxGZJtQWxm9Q==$"
      + "FMlIWxjD6lyf5XHAccJ7htw47dKw2YYBQY0iQqSgJac=:oqjxT1BddL74tnfYu+zkXKW5J96fe/4MI2CXWMWvqMw=";

  @Test
  void sameVerifierAsPostgresForTheSamePasswordAndSalt() {
    ScramVerifier pg = ScramVerifier.parse(POSTGRES_VERIFIER);
    ScramVerifier ours = ScramVerifier.fromPassword("open sesame", pg.salt(), pg.iterations());
    assertEquals(POSTGRES_VERIFIER, ours.encoded());
  }

  @Test
  void freshVerifiersHaveRandomSixteenByteSaltsAnd4096Iterations() {
    ScramVerifier a = ScramVerifier.fromPassword("pw");
    ScramVerifier b = ScramVerifier.fromPassword("pw");
    assertEquals(4096, a.iterations());
    assertEquals(16, a.salt().length);
    assertTrue(!a.encoded().equals(b.encoded()), "salts differ");
    assertEquals(a.encoded(), ScramVerifier.parse(a.encoded()).encoded());
  }

  @Test
  void malformedVerifiersSayWhatIsExpected() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ScramVerifier.parse("SCRAM-SHA-256$4096:abc"));
    assertTrue(e.getMessage().contains("<iterations>:<salt>$<StoredKey>:<ServerKey>"));
    assertThrows(IllegalArgumentException.class,
        () -> ScramVerifier.parse("SCRAM-SHA-256$x:AAAA$AAAA:AAAA"));
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.fromPassword(""));
  }

  @Test
  void usersFileTakesPasswordsAndVerifiersAndSkipsComments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users");
    Files.writeString(file, "# who may log in\n\nalice:s3cret:with:colons\n"
        + "bob:" + POSTGRES_VERIFIER + "\n");
    Credentials c = Credentials.load(file);
    assertEquals(2, c.size());
    ScramVerifier alice = c.verifier("alice").orElseThrow();
    assertEquals(ScramVerifier.fromPassword("s3cret:with:colons", alice.salt(), 4096).encoded(),
        alice.encoded());
    assertEquals(POSTGRES_VERIFIER, c.verifier("bob").orElseThrow().encoded());
    assertTrue(c.verifier("carol").isEmpty());
  }

  @Test
  void usersFileErrorsNameTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users");
    Files.writeString(file, "alice:pw\nbob\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Credentials.load(file));
    assertEquals(file + " line 2: expected user:password or user:SCRAM-SHA-256$...",
        e.getMessage());
    Files.writeString(file, "bob:SCRAM-SHA-256$4096:" + Base64.getEncoder().encodeToString(
        new byte[16]) + "$short:short\n");
    e = assertThrows(IllegalArgumentException.class, () -> Credentials.load(file));
    assertTrue(e.getMessage().startsWith(file + " line 1: "), e.getMessage());
  }
}
