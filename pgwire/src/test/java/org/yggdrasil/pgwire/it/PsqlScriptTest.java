package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs psql over a script and compares what it prints (stdout and stderr together) with what
 * psql printed for the same script against PostgreSQL 15 ({@code it/psql/NAME.out}).
 *
 * <p>To regenerate an expected file, run the same command against a PostgreSQL 15 in a database
 * {@code ygg} owned by a role {@code ygg}, from the directory of the script, with {@code
 * LC_ALL=C.UTF-8} and no PG* variables; see {@link #psql}.
 */
class PsqlScriptTest {

  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void basic() throws Exception {
    runScript("basic");
  }

  /** \copy from client files, COPY FROM STDIN inline, COPY TO STDOUT, COPY errors. */
  @Test
  void copy() throws Exception {
    runScript("copy");
  }

  /** Branches, pins and history from psql; the expected output is Yggdrasil's own, reviewed. */
  @Test
  void versioning() throws Exception {
    assumeTrue(!TestServer.isReferencePostgres(), "Yggdrasil's own surface");
    runScript("versioning");
  }

  private void runScript(String name) throws Exception {
    runScript(server, name);
  }

  /** Runs it/psql/NAME.sql against {@code server} and compares with it/psql/NAME.out. */
  static void runScript(TestServer server, String name) throws Exception {
    assumeTrue(psqlAvailable(), "psql is not installed (CI installs postgresql-client)");
    Path script = resource("it/psql/" + name + ".sql");
    Path expected = resource("it/psql/" + name + ".out");
    String actual = psql(server, script);
    // Line by line, so that a failure shows where the outputs part.
    List<String> want = Files.readString(expected, StandardCharsets.UTF_8).lines().toList();
    List<String> got = actual.lines().toList();
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      int line = i + 1;
      assertEquals(want.get(i), got.get(i), () -> "line " + line + " of psql's output for " + name
          + ".sql; whole output:\n" + actual);
    }
    assertEquals(want.size(), got.size(), () -> "lines of psql's output; whole output:\n" + actual);
  }

  /** {@code psql -X -q -v ON_ERROR_STOP=0 -h HOST -p PORT -U ygg ygg -f NAME.sql}, from its directory. */
  private static String psql(TestServer server, Path script)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
            "psql", "-X", "-q", "-v", "ON_ERROR_STOP=0",
            "-h", server.host(), "-p", Integer.toString(server.port()),
            "-U", TestServer.USER, TestServer.DATABASE,
            "-f", script.getFileName().toString());
    pb.directory(script.getParent().toFile());
    pb.redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
    env.put("LC_ALL", "C.UTF-8");
    env.put("PGCONNECT_TIMEOUT", "10");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psql did not finish");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), () -> "psql exit code; output:\n" + text);
    return text;
  }

  private static boolean psqlAvailable() {
    try {
      Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = PsqlScriptTest.class.getClassLoader().getResource(name);
    assertTrue(url != null, "missing test resource " + name);
    return Path.of(url.toURI());
  }
}
