package org.yggdrasil.pgwire.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.protocol.Watchable;
import org.yggdrasil.catalog.wire.WireJson;
import org.yggdrasil.catalog.wire.WireProtocol;

/**
 * {@code GET /watch?database=…&system=…&branch=…}: a server-sent-event stream of a system's
 * commit, branch-created and branch-deleted events (docs/json-wire.md). The stream opens with a
 * {@code ready} event (the subscription is live from then on), sends a comment line every
 * {@value #KEEPALIVE_SECONDS} s while idle (which also notices clients that went away), and ends
 * with an {@code overflow} event when the client falls {@value #BACKLOG} events behind: events
 * arrive on committing threads, which must never wait for a slow reader.
 */
final class WatchStreams {
  static final long KEEPALIVE_SECONDS = 15;
  static final int BACKLOG = 10_000;
  private static final Object END = new Object();
  private static final Object OVERFLOW = new Object();

  private final WireProtocol protocol;
  private final Set<BlockingQueue<Object>> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  WatchStreams(WireProtocol protocol) {
    this.protocol = protocol;
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().add("Allow", "GET");
        JsonWireServer.send(exchange, WireProtocol.failure(new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "subscribe with GET /watch?database=…&system=…&branch=…")), 405);
        return;
      }
      Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
      String database = q.getOrDefault("database", WireProtocol.DEFAULT_DATABASE);
      Watchable watchable;
      try {
        watchable = watchable(database, q.get("system"));
      } catch (SqlStateException e) {
        WireProtocol.Reply r = WireProtocol.failure(e);
        JsonWireServer.send(exchange, r, r.status());
        return;
      }
      stream(exchange, database, watchable, q.get("branch"));
    }
  }

  private Watchable watchable(String database, String system) {
    ObjectNode req = WireJson.object();
    req.put("database", database);
    req.put("system", system);
    VersionedSystem sys = protocol.target(req);
    if (!sys.capabilities().has(Layer.WATCHABLE) || !(sys instanceof Watchable w)) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "system \"" + sys.systemId() + "\" cannot be watched");
    }
    return w;
  }

  private void stream(HttpExchange exchange, String database, Watchable w, String branch) throws IOException {
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>(BACKLOG);
    open.add(queue);
    try (AutoCloseable subscription = w.watch(e -> {
      if ((branch == null || branch.equals(e.branch())) && !queue.offer(e)) {
        queue.clear();
        queue.offer(OVERFLOW);
      }
    })) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      ObjectNode ready = WireJson.object();
      ready.put("database", database);
      ready.put("system-id", w.systemId());
      ready.put("branch", branch);
      write(out, "event: ready\ndata: " + ready + "\n\n");
      long id = 0;
      while (!closed) {
        Object item = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        if (item == null) {
          write(out, ": keepalive\n\n");
        } else if (item == END) {
          break;
        } else if (item == OVERFLOW) {
          write(out, "event: overflow\ndata: {\"error\": \"the watcher fell " + BACKLOG
              + " events behind; reconnect and re-read the heads\"}\n\n");
          break;
        } else {
          SystemEvent e = (SystemEvent) item;
          write(out, "id: " + ++id + "\nevent: " + e.type() + "\ndata: " + WireJson.event(database, e) + "\n\n");
        }
      }
    } catch (IOException e) {
      // the client went away: unsubscribing (by leaving the try) is all there is to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e);
    } finally {
      open.remove(queue);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  /** Ends every open stream (server shutdown). */
  void close() {
    closed = true;
    for (BlockingQueue<Object> q : open) {
      q.clear();
      q.offer(END);
    }
  }
}
