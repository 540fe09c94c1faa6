package org.yggdrasil.pgwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/** GET /watch streams commits (from SQL and the wire) and branch changes as server-sent events. */
class WatchStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Upper bound on waiting for an event that should come; a missing event fails the test. */
  private static final long WAIT_SECONDS = 20;
  private final HttpClient http = HttpClient.newHttpClient();
  private YggEngine engine;
  private PgServer pg;
  private JsonWireServer wire;

  @BeforeEach
  void start() {
    engine = new YggEngine(EngineOptions.memory());
    pg = PgServer.start(engine, "127.0.0.1", 0, Authentication.TRUST, null);
    wire = JsonWireServer.start(new EngineSystemDirectory(engine::database), "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    wire.close();
    pg.close();
    engine.close();
  }

  /** One server-sent event: its type and JSON data. */
  record Event(String type, JsonNode data) {}

  /** A subscription: events parsed off the stream as they arrive; null marks the stream's end. */
  final class Watch {
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final HttpResponse<Stream<String>> response;

    Watch(String query) throws Exception {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wire.port() + "/watch" + query)).GET().build();
      response = http.send(req, HttpResponse.BodyHandlers.ofLines());
      Thread.ofVirtual().start(() -> {
        String type = null;
        try {
          for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.startsWith("event: ")) {
              type = line.substring(7);
            } else if (line.startsWith("data: ")) {
              events.add(new Event(type, JSON.readTree(line.substring(6))));
            }
          }
        } catch (Exception e) {
          // the stream broke; the end marker below tells the test
        }
        events.add("end");
      });
    }

    Event next() throws InterruptedException {
      Object o = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(o, "no event arrived");
      assertTrue(o instanceof Event, "the stream ended");
      return (Event) o;
    }

    boolean ended() throws InterruptedException {
      Object o = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      return "end".equals(o);
    }
  }

  private JsonNode post(String json) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wire.port() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private String sqlCommit(String database, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database, "ygg", "");
         Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
      try (ResultSet rs = s.executeQuery("SELECT ygg.commit_id()")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void streamsBranchCreatedCommitAndBranchDeleted() throws Exception {
    Watch w = new Watch("");
    assertEquals(200, w.response.statusCode());
    assertTrue(w.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    Event ready = w.next();
    assertEquals("ready", ready.type());
    assertEquals("database", ready.data().get("system-id").asText());

    post("{\"op\": \"branch!\", \"name\": \"w_feature\"}");
    Event created = w.next();
    assertEquals("branch-created", created.type());
    assertEquals("w_feature", created.data().get("branch").asText());
    assertEquals("ygg", created.data().get("database").asText());

    String commit = sqlCommit("ygg", "CREATE TABLE w_t (id int PRIMARY KEY)");
    Event committed = w.next();
    assertEquals("commit", committed.type());
    assertEquals("main", committed.data().get("branch").asText());
    assertEquals(commit, committed.data().get("snapshot-id").asText());
    assertEquals(commit, committed.data().get("ref").get("snapshot-id").asText());

    post("{\"op\": \"delete-branch!\", \"name\": \"w_feature\"}");
    Event deleted = w.next();
    assertEquals("branch-deleted", deleted.type());
    assertEquals("w_feature", deleted.data().get("branch").asText());
    assertTrue(deleted.data().get("snapshot-id").isNull());
  }

  @Test
  void aBranchFilterPassesOnlyThatBranchsEvents() throws Exception {
    sqlCommit("ygg", "CREATE TABLE w_f (id int PRIMARY KEY)");
    post("{\"op\": \"branch!\", \"name\": \"w_only\"}");
    Watch w = new Watch("?database=ygg&system=native&branch=w_only");
    assertEquals("ready", w.next().type());
    sqlCommit("ygg", "INSERT INTO w_f VALUES (1)");
    String onBranch = sqlCommit("ygg:w_only", "INSERT INTO w_f VALUES (2)");
    Event e = w.next();
    assertEquals("commit", e.type());
    assertEquals("w_only", e.data().get("branch").asText(), "main's commit came first but is filtered out");
    assertEquals(onBranch, e.data().get("snapshot-id").asText());
  }

  @Test
  void eachDatabaseHasItsOwnStream() throws Exception {
    Watch w = new Watch("?database=postgres");
    assertEquals("ready", w.next().type());
    sqlCommit("ygg", "CREATE TABLE w_elsewhere (id int)");
    String here = sqlCommit("postgres", "CREATE TABLE w_here (id int)");
    Event e = w.next();
    assertEquals("postgres", e.data().get("database").asText());
    assertEquals(here, e.data().get("snapshot-id").asText());
  }

  @Test
  void unknownDatabaseIsAJsonError() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + wire.port() + "/watch?database=w_nodb")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode());
    assertEquals("3D000", JSON.readTree(r.body()).get("sqlstate").asText());
  }

  @Test
  void closingTheServerEndsOpenStreams() throws Exception {
    Watch w = new Watch("");
    assertEquals("ready", w.next().type());
    wire.close();
    assertTrue(w.ended(), "the stream ends when the server stops");
  }
}
