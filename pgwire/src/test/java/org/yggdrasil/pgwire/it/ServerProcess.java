package org.yggdrasil.pgwire.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ygg serve --data DIR} in a child JVM, for tests that crash the server for real: {@link
 * #kill()} is {@code kill -9} (no shutdown hooks, no cleanup), and {@code -Dygg.crash_at=<point>}
 * makes the server halt itself at a fault-injection point. Its output goes to {@code
 * <dir>/server-<n>.log}.
 */
final class ServerProcess implements AutoCloseable {
  private static int started;
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server on {@code data}; {@code crashAt} (or null) is its fault-injection point. */
  static ServerProcess start(Path data, String crashAt) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-Xmx512m"));
    if (crashAt != null) {
      cmd.add("-Dygg.crash_at=" + crashAt);
    }
    cmd.addAll(List.of("-cp", classPath, "org.yggdrasil.pgwire.server.Main", "serve",
        "--host", TestServer.HOST, "--port", String.valueOf(port), "--data", data.toString()));
    Path log = data.resolveSibling("server-" + (++started) + ".log");
    Files.createDirectories(data);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    ServerProcess server = new ServerProcess(p, port, log);
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited at start: " + Files.readString(log));
      }
      try (Connection c = connect()) {
        return;
      } catch (SQLException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the server did not start in 90 s: " + Files.readString(log));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + TestServer.HOST + ":" + port + "/"
        + TestServer.DATABASE, TestServer.defaultProperties());
  }

  /** Waits for the process to end by itself (a crash point); returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server did not exit");
    }
    return process.exitValue();
  }

  /** {@code kill -9}. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** Stops the server as SIGTERM does (a clean shutdown). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
