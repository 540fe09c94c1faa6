package org.yggdrasil.pgwire.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.wire.SystemDirectory;
import org.yggdrasil.catalog.wire.WireJson;
import org.yggdrasil.catalog.wire.WireProtocol;
import org.yggdrasil.catalog.wire.WireProtocol.Reply;
import org.yggdrasil.pgwire.server.PgServer;

/**
 * The JSON wire over HTTP (docs/json-wire.md): {@code POST /} with one JSON request answers
 * one JSON reply; {@code GET /watch} streams events as server-sent events. Runs on the JDK's
 * built-in HTTP server with one virtual thread per exchange, so that long-lived watch streams
 * cost no platform thread. Beside, not inside, the pgwire server: no TLS or passwords yet, so
 * it listens where it is told (by default only on the loopback address, as {@link PgServer}).
 */
public final class JsonWireServer implements AutoCloseable {
  /** Requests larger than this are refused (413): the envelope is small by design. */
  static final int MAX_REQUEST_BYTES = 1 << 20;

  private final HttpServer http;
  private final ExecutorService executor;
  private final WatchStreams watches;

  private JsonWireServer(HttpServer http, ExecutorService executor, WatchStreams watches) {
    this.http = http;
    this.executor = executor;
    this.watches = watches;
  }

  /** Listens on {@code host:port} (0: a free port) and serves the databases of {@code directory}. */
  public static JsonWireServer start(SystemDirectory directory, String host, int port) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      throw new SqlStateException(SqlState.IO_ERROR,
          "cannot listen for the JSON wire on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    WireProtocol protocol = new WireProtocol(directory);
    WatchStreams watches = new WatchStreams(protocol);
    http.setExecutor(executor);
    http.createContext("/watch", watches::handle);
    http.createContext("/", exchange -> envelope(protocol, exchange));
    http.start();
    return new JsonWireServer(http, executor, watches);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private static void envelope(WireProtocol protocol, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/")) {
        send(exchange, WireProtocol.failure(new SqlStateException(SqlState.UNDEFINED_OBJECT,
            "no such endpoint " + exchange.getRequestURI().getPath() + "; POST / or GET /watch")), 404);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().add("Allow", "POST");
        send(exchange, WireProtocol.failure(new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "send requests with POST / and a JSON body such as {\"op\": \"branches\"}")), 405);
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      Reply reply = body == null
          ? WireProtocol.failure(new SqlStateException(SqlState.PROGRAM_LIMIT_EXCEEDED,
              "the request is larger than " + MAX_REQUEST_BYTES + " bytes"))
          : protocol.handle(new String(body, StandardCharsets.UTF_8));
      send(exchange, reply, body == null ? 413 : reply.status());
    }
  }

  /** The body, or null when it exceeds {@link #MAX_REQUEST_BYTES}. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
    return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
  }

  static void send(HttpExchange exchange, Reply reply, int status) throws IOException {
    byte[] out = WireJson.MAPPER.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Ends every watch stream, stops listening and closes open exchanges. */
  @Override
  public void close() {
    watches.close();
    http.stop(0);
    executor.shutdownNow();
  }
}
