package org.yggdrasil.pgwire.server;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.auth.Credentials;
import org.yggdrasil.pgwire.http.EngineSystemDirectory;
import org.yggdrasil.pgwire.http.JsonWireServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ygg} command line.
 *
 * <pre>
 *   ygg serve [--host H] [--port P] [--http-port P] [--memory] [--data DIR] [--read-only]
 *             [--auth trust|scram] [--users FILE] [--password PW]
 *             [--tls-cert FILE --tls-key FILE]
 *   ygg --help | ygg serve --help | ygg --version
 * </pre>
 */
@Command(
    name = "ygg",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Yggdrasil: a PostgreSQL-compatible SQL server whose stores branch.",
    subcommands = {Main.Serve.class, Main.Fsck.class})
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /** Without a subcommand: print the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    int exitCode = new CommandLine(new Main()).execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** {@code ygg serve}: run the server until SIGTERM or SIGINT. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Serve the PostgreSQL wire protocol until SIGTERM/SIGINT.")
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "5433",
        description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--http-port", defaultValue = "-1",
        description = "Also serve the JSON wire (docs/json-wire.md) over HTTP on this port"
            + " (0 picks a free one; default: off).")
    int httpPort;

    @Option(names = "--memory", description = "Keep all databases in memory (nothing on disk).")
    boolean memory;

    @Option(names = "--data", defaultValue = "./ygg-data",
        description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--read-only", description = "Open the data directory without writing.")
    boolean readOnly;

    @Option(names = "--auth", paramLabel = "trust|scram",
        description = "trust: no passwords; scram: SCRAM-SHA-256 passwords (default: scram if"
            + " --users or --password is given, else trust).")
    String auth;

    @Option(names = "--users", paramLabel = "FILE",
        description = "Users who may log in: user:password or"
            + " user:SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey> lines.")
    Path users;

    @Option(names = "--password", paramLabel = "PW", defaultValue = "${env:YGG_PASSWORD}",
        description = "Password of user ygg (default: $YGG_PASSWORD if set).")
    String password;

    @Option(names = "--tls-cert", paramLabel = "FILE",
        description = "PEM certificate chain: accept TLS (SSLRequest answered 'S').")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
        description = "PEM private key (unencrypted PKCS#8) of --tls-cert.")
    Path tlsKey;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter err = spec.commandLine().getErr();
      if (port < 0 || port > 65535) {
        err.println("ygg: --port must be between 0 and 65535");
        return 2;
      }
      if (httpPort < -1 || httpPort > 65535) {
        err.println("ygg: --http-port must be between 0 and 65535");
        return 2;
      }
      Authentication authentication;
      SslContext tls;
      try {
        authentication = authentication();
        tls = tls();
      } catch (IllegalArgumentException | IOException e) {
        err.println("ygg: " + e.getMessage());
        return 2;
      }
      EngineOptions options = new EngineOptions(memory ? null : data, memory, readOnly);
      YggEngine engine;
      try {
        engine = new YggEngine(options);
      } catch (RuntimeException e) {
        err.println("ygg: cannot start the engine: " + e.getMessage());
        return 1;
      }
      PgServer server;
      try {
        server = PgServer.start(engine, host, port, authentication, tls);
      } catch (RuntimeException e) {
        engine.close();
        err.println("ygg: " + e.getMessage());
        return 1;
      }
      JsonWireServer wire = null;
      if (httpPort >= 0) {
        try {
          wire = JsonWireServer.start(new EngineSystemDirectory(engine::database), host, httpPort);
        } catch (RuntimeException e) {
          server.close();
          engine.close();
          err.println("ygg: " + e.getMessage());
          return 1;
        }
      }
      JsonWireServer http = wire;
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      if (http != null) {
                        http.close();
                      }
                      server.close();
                    } finally {
                      engine.close();
                      stopped.countDown();
                    }
                  },
                  "ygg-shutdown"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Yggdrasil listening on " + host + ":" + server.port()
          + " \u2014 connect: psql -h " + host + " -p " + server.port() + " -U ygg ygg");
      if (http != null) {
        out.println("JSON wire on http://" + host + ":" + http.port() + "/ (POST {\"op\": \"branches\"})");
      }
      out.flush();
      stopped.await();
      return 0;
    }

    private Authentication authentication() throws IOException {
      boolean hasUsers = users != null || (password != null && !password.isEmpty());
      String method = auth == null ? (hasUsers ? "scram" : "trust") : auth;
      switch (method) {
        case "trust" -> {
          if (hasUsers) {
            throw new IllegalArgumentException(
                "--users and --password need --auth scram (trust asks for no password)");
          }
          return Authentication.TRUST;
        }
        case "scram" -> {
          if (!hasUsers) {
            throw new IllegalArgumentException(
                "--auth scram needs --users FILE or --password PW (or $YGG_PASSWORD)");
          }
          Credentials credentials = Credentials.of(java.util.Map.of());
          if (users != null) {
            if (!java.nio.file.Files.isReadable(users)) {
              throw new IllegalArgumentException("cannot read the users file " + users);
            }
            credentials = Credentials.load(users);
          }
          if (password != null && !password.isEmpty()) {
            credentials = credentials.with(Credentials.ofPassword("ygg", password));
          }
          return Authentication.scram(credentials);
        }
        default -> throw new IllegalArgumentException(
            "--auth must be trust or scram, not " + method);
      }
    }

    private SslContext tls() {
      if (tlsCert == null && tlsKey == null) {
        return null;
      }
      if (tlsCert == null || tlsKey == null) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      return Tls.fromPem(tlsCert, tlsKey);
    }
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ygg " + (v == null ? "dev" : v)};
    }
  }

  /** {@code ygg fsck}: check every database under a data directory, read-only. */
  @Command(
      name = "fsck",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Check every object reachable from the branches, tags and history of each"
          + " database in a data directory (read-only; safe beside a running server).")
  static final class Fsck implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", defaultValue = "./ygg-data",
        description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws java.io.IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (!java.nio.file.Files.isDirectory(data)) {
        spec.commandLine().getErr().println("ygg: no data directory at " + data);
        return 2;
      }
      boolean ok = true;
      try (var dirs = java.nio.file.Files.list(data)) {
        for (Path dir : dirs.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
          try (var db = org.yggdrasil.storage.nativestore.NativeDatabase.openReadOnly(dir)) {
            var report = db.verify();
            ok &= report.ok();
            out.println(dir.getFileName() + ": " + report);
          } catch (RuntimeException e) {
            ok = false;
            out.println(dir.getFileName() + ": cannot open: " + e.getMessage());
          }
        }
      }
      out.flush();
      return ok ? 0 : 1;
    }
  }
}
