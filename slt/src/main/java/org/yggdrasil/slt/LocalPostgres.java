package org.yggdrasil.slt;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference mode's server: a throwaway PostgreSQL cluster (initdb + pg_ctl on a free port in
 * a temporary directory, fsync off), run as user {@code postgres} when we are root. Finds the
 * binaries in {@code $PGBIN} or under {@code /usr/lib/postgresql/<version>/bin} (Debian's
 * {@code postgresql-15}: {@code apt-get install postgresql-15}).
 */
public final class LocalPostgres implements Target {
  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;
  private final Target.External external;
  /** Stops the server if the JVM exits without {@link #close} (Ctrl-C during a run). */
  private final Thread stopOnExit = new Thread(this::stop, "slt-stop-postgres");

  public LocalPostgres(int timeoutSeconds) throws IOException, InterruptedException {
    this.bin = findBin();
    this.asPostgres = "root".equals(System.getProperty("user.name"));
    this.dir = Files.createTempDirectory("ygg-slt-pg");
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
    if (asPostgres) {
      exec(List.of("chown", "postgres:postgres", dir.toString()), false);
    }
    Path data = dir.resolve("data");
    exec(
        List.of(
            bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"),
        asPostgres);
    exec(
        List.of(
            bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
            dir.resolve("server.log").toString(), "-w", "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -F", "start"),
        asPostgres);
    this.external =
        new Target.External(
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null, timeoutSeconds);
  }

  @Override
  public Database open(String file) throws Exception {
    return external.open(file);
  }

  @Override
  public String describe() {
    return "reference PostgreSQL (" + bin + ", port " + port + ", started for this run)";
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run; stopping twice is harmless
    }
    stop();
  }

  private void stop() {
    try {
      exec(
          List.of(
              bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
              "immediate", "-w", "stop"),
          asPostgres);
    } catch (IOException | InterruptedException e) {
      System.err.println("slt: could not stop the reference PostgreSQL: " + e.getMessage());
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      System.err.println("slt: could not delete " + dir + ": " + e.getMessage());
    }
  }

  static Path findBin() {
    String env = System.getenv("PGBIN");
    if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
      return Path.of(env);
    }
    List<Path> found = new ArrayList<>();
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      dirs.map(d -> d.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .forEach(found::add);
    } catch (IOException e) {
      // none installed
    }
    // Prefer 15, the version the project targets; else the newest.
    return found.stream()
        .filter(p -> p.getParent().getFileName().toString().equals("15"))
        .findFirst()
        .or(() -> found.stream().max(Comparator.comparing(p -> p.getParent().getFileName().toString())))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no PostgreSQL binaries: set PGBIN or apt-get install postgresql-15"));
  }

  private void exec(List<String> command, boolean postgresUser)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (postgresUser) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(command);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("harness.log").toFile()))
            .directory(dir.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0) {
      String log = Files.readString(dir.resolve("harness.log"));
      throw new IOException(
          "failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n" + log);
    }
  }
}
