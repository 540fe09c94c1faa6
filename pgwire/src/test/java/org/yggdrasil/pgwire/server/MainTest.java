package org.yggdrasil.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line, without starting a server. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void helpListsServe() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("serve"), out.toString());
  }

  @Test
  void serveHelpListsItsOptions() {
    assertEquals(0, run("serve", "--help"));
    for (String option : new String[] {"--host", "--port", "--memory", "--data", "--read-only"}) {
      assertTrue(out.toString().contains(option), option);
    }
    assertTrue(out.toString().contains("5433"));
    assertTrue(out.toString().contains("127.0.0.1"));
  }

  @Test
  void badPortIsAUsageError() {
    assertEquals(2, run("serve", "--port", "70000"));
    assertTrue(err.toString().contains("--port"), err.toString());
    assertEquals(2, run("serve", "--port", "abc"));
  }

  @Test
  void serveHelpListsAuthenticationAndTlsOptions() {
    assertEquals(0, run("serve", "--help"));
    for (String option : new String[] {"--auth", "--users", "--password", "--tls-cert",
        "--tls-key"}) {
      assertTrue(out.toString().contains(option), option);
    }
  }

  @Test
  void inconsistentAuthenticationOptionsAreUsageErrors(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    assertEquals(2, run("serve", "--memory", "--auth", "scram"));
    assertTrue(err.toString().contains("--auth scram needs --users FILE or --password"),
        err.toString());
    assertEquals(2, run("serve", "--memory", "--auth", "trust", "--password", "x"));
    assertTrue(err.toString().contains("need --auth scram"), err.toString());
    assertEquals(2, run("serve", "--memory", "--auth", "md5", "--password", "x"));
    assertTrue(err.toString().contains("--auth must be trust or scram"), err.toString());
    assertEquals(2, run("serve", "--memory", "--users", dir.resolve("missing").toString()));
    assertTrue(err.toString().contains("cannot read the users file"), err.toString());
    java.nio.file.Path users = dir.resolve("users");
    java.nio.file.Files.writeString(users, "no colon here\n");
    assertEquals(2, run("serve", "--memory", "--users", users.toString()));
    assertTrue(err.toString().contains(users + " line 1: expected user:password"),
        err.toString());
  }

  @Test
  void tlsNeedsBothFilesAndReadableOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    assertEquals(2, run("serve", "--memory", "--tls-cert", "x.pem"));
    assertTrue(err.toString().contains("--tls-cert and --tls-key go together"), err.toString());
    java.nio.file.Path junk = dir.resolve("junk.pem");
    java.nio.file.Files.writeString(junk, "not a certificate\n");
    assertEquals(2, run("serve", "--memory", "--tls-cert", junk.toString(), "--tls-key",
        junk.toString()));
    assertTrue(err.toString().contains("cannot load TLS certificate"), err.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("serve", "--nope"));
  }

  /** {@code ygg fsck} verifies every database of a data directory; a damaged one fails it. */
  @Test
  void fsckChecksEveryDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    try (var db = org.yggdrasil.storage.nativestore.NativeDatabase.open(dir.resolve("shop"))) {
      var tx = db.begin("main");
      tx.createTable(org.yggdrasil.storage.nativestore.TableSchema.of("t", java.util.List.of(
          org.yggdrasil.storage.nativestore.ColumnDef.of("id",
              org.yggdrasil.storage.nativestore.ColumnType.INT8))));
      tx.insert("t", java.util.List.of(new Object[] {1L}, new Object[] {2L}));
      tx.commit();
    }
    assertEquals(0, run("fsck", "--data", dir.toString()));
    assertTrue(out.toString().contains("shop: ok"), out.toString());
    assertEquals(2, run("fsck", "--data", dir.resolve("missing").toString()));
  }
}
