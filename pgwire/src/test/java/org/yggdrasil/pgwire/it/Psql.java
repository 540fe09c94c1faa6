package org.yggdrasil.pgwire.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the psql client against a {@link TestServer}, for tests of what libpq does. */
final class Psql {
  private Psql() {}

  /** What psql printed (stdout and stderr together) and its exit code. */
  record Result(int exitCode, String output) {}

  static boolean available() {
    return runs("psql", "--version");
  }

  /** Whether {@code command} starts and exits with 0 (a tool a test needs is installed). */
  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * {@code psql -X -h HOST -p PORT -U user ygg -c command}, with no PG* variables inherited
   * but those given, no password file and never a password prompt.
   */
  static Result run(TestServer server, String user, Map<String, String> env, String... commands)
      throws IOException, InterruptedException {
    return run(server, user, env, List.of(), commands);
  }

  /**
   * The same as user {@code ygg}, with more psql {@code options} (e.g. {@code -A -t}); the
   * password file is one that does not exist, so libpq prints no warning about it.
   */
  static Result run(TestServer server, List<String> options, String... commands)
      throws IOException, InterruptedException {
    return run(server, TestServer.USER, Map.of("PGPASSFILE", "/nonexistent/ygg-test-pgpass"),
        options, commands);
  }

  private static Result run(TestServer server, String user, Map<String, String> env,
      List<String> options, String... commands) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("psql", "-X", "-w", "-h", server.host(),
        "-p", String.valueOf(server.port()), "-U", user));
    args.addAll(options);
    args.add(TestServer.DATABASE);
    for (String c : commands) {
      args.add("-c");
      args.add(c);
    }
    ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
    pb.environment().put("PGPASSFILE", "/dev/null");
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("psql did not finish; output so far:\n" + out);
    }
    return new Result(p.exitValue(), out);
  }
}
