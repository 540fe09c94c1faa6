package org.yggdrasil.pgwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * The JSON wire over HTTP, driven with plain {@link HttpClient} next to pgjdbc on the same
 * server: what SQL commits, the wire sees, and what the wire branches and merges, SQL reads.
 */
class JsonWireTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static YggEngine engine;
  static PgServer pg;
  static JsonWireServer wire;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    engine = new YggEngine(EngineOptions.memory());
    pg = PgServer.start(engine, "127.0.0.1", 0, Authentication.TRUST, null);
    wire = JsonWireServer.start(new EngineSystemDirectory(engine::database), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    wire.close();
    pg.close();
    engine.close();
  }

  record Answer(int status, JsonNode body) {}

  static Answer post(String json) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wire.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  /** A request that must succeed; returns its answer. */
  static JsonNode ok(String json) throws Exception {
    Answer a = post(json);
    assertEquals(200, a.status(), () -> json + " -> " + a.body());
    return a.body();
  }

  static Connection sql(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database, "ygg", "");
  }

  static void exec(String database, String... statements) throws SQLException {
    try (Connection c = sql(database); Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  static String one(String database, String query) throws SQLException {
    try (Connection c = sql(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void capabilitiesAndSystemsDescribeTheDatabaseAndItsNativeMember() throws Exception {
    JsonNode caps = ok("{\"op\": \"capabilities\"}");
    assertEquals("database", caps.get("system-id").asText());
    assertEquals("composite", caps.get("system-type").asText());
    assertEquals("1.0", caps.get("version").asText());
    assertTrue(strings(caps.get("protocols")).containsAll(
        List.of("snapshotable", "branchable", "graphable", "mergeable", "watchable")));
    JsonNode member = ok("{\"op\": \"capabilities\", \"system\": \"native\"}");
    assertEquals("native", member.get("system-type").asText());
    assertTrue(strings(member.get("protocols")).containsAll(
        List.of("snapshotable", "branchable", "graphable", "mergeable", "overlayable", "watchable")));
    assertEquals(List.of("database", "native"), strings(ok("{\"op\": \"systems\"}").get("systems")));
    assertEquals("native", ok("{\"op\": \"capabilities\", \"system\": \"native\", \"database\": \"postgres\"}")
        .get("system-id").asText());
  }

  @Test
  void snapshotsAndHistoryFollowSqlCommits() throws Exception {
    exec("ygg", "CREATE TABLE jw_hist (id int PRIMARY KEY, v text)", "INSERT INTO jw_hist VALUES (1, 'a')");
    String afterInsert = one("ygg", "SELECT ygg.commit_id()");
    assertEquals(afterInsert, ok("{\"op\": \"snapshot-id\"}").get("snapshot-id").asText());
    exec("ygg", "INSERT INTO jw_hist VALUES (2, 'b')");
    String head = one("ygg", "SELECT ygg.commit_id()");
    assertEquals(head, ok("{\"op\": \"snapshot-id\"}").get("snapshot-id").asText());
    assertEquals(List.of(afterInsert), strings(ok("{\"op\": \"parent-ids\", \"snapshot-id\": \"" + head + "\"}")
        .get("parent-ids")));
    assertEquals(List.of(head, afterInsert), strings(ok("{\"op\": \"history\", \"limit\": 2}").get("history")));
    assertEquals(afterInsert, strings(ok("{\"op\": \"ancestors\", \"snapshot-id\": \"" + head + "\"}")
        .get("ancestors")).get(0));
    assertTrue(ok("{\"op\": \"ancestor?\", \"a\": \"" + afterInsert + "\", \"b\": \"" + head + "\"}")
        .get("ancestor?").asBoolean());
    assertFalse(ok("{\"op\": \"ancestor?\", \"a\": \"" + head + "\", \"b\": \"" + afterInsert + "\"}")
        .get("ancestor?").asBoolean());
    JsonNode ref = ok("{\"op\": \"snapshot-ref\", \"snapshot-id\": \"" + head + "\"}").get("snapshot-ref");
    assertEquals(head, ref.get("snapshot-id").asText());
    assertTrue(ref.get("hlc").get("physical").asLong() > 0);
    JsonNode meta = ok("{\"op\": \"snapshot-meta\"}").get("snapshot-meta");
    assertEquals(head, meta.get("snapshot-id").asText());
    assertEquals("main", meta.get("branch").asText());
  }

  @Test
  void branchDiffAndFastForwardMergeMeetSql() throws Exception {
    exec("ygg", "CREATE TABLE jw_ff (id int PRIMARY KEY, v text)", "INSERT INTO jw_ff VALUES (1, 'a')");
    JsonNode created = ok("{\"op\": \"branch!\", \"name\": \"jw_feature\", \"from\": \"main\"}");
    assertEquals("jw_feature", created.get("created").asText());
    assertEquals(one("ygg", "SELECT ygg.commit_id()"), created.get("snapshot-id").asText());
    assertTrue(strings(ok("{\"op\": \"branches\"}").get("branches")).contains("jw_feature"));
    assertEquals("jw_feature", ok("{\"op\": \"current-branch\", \"branch\": \"jw_feature\"}")
        .get("current-branch").asText());

    exec("ygg:jw_feature", "INSERT INTO jw_ff VALUES (2, 'b')");
    JsonNode diff = ok("{\"op\": \"diff\", \"a\": \"main\", \"b\": \"jw_feature\"}").get("diff");
    boolean added = false;
    for (JsonNode c : diff.get("changes")) {
      added |= c.get("kind").asText().equals("added") && c.get("path").asText().equals("jw_ff/2");
    }
    assertTrue(added, () -> "diff: " + diff);
    String featureHead = ok("{\"op\": \"snapshot-id\", \"branch\": \"jw_feature\"}").get("snapshot-id").asText();

    JsonNode merged = ok("{\"op\": \"merge!\", \"source\": \"jw_feature\"}");
    assertEquals("fast-forward", merged.get("kind").asText());
    assertEquals(featureHead, merged.get("snapshot-id").asText());
    assertEquals("2", one("ygg", "SELECT count(*) FROM jw_ff"));

    assertEquals("jw_feature", ok("{\"op\": \"delete-branch!\", \"name\": \"jw_feature\"}").get("deleted").asText());
    assertFalse(strings(ok("{\"op\": \"branches\"}").get("branches")).contains("jw_feature"));
  }

  @Test
  void conflictingMergeIs409UntilAStrategyResolvesIt() throws Exception {
    exec("ygg", "CREATE TABLE jw_conf (id int PRIMARY KEY, v text)", "INSERT INTO jw_conf VALUES (1, 'base')");
    String base = one("ygg", "SELECT ygg.commit_id()");
    ok("{\"op\": \"branch!\", \"name\": \"jw_side\"}");
    exec("ygg", "UPDATE jw_conf SET v = 'ours' WHERE id = 1");
    exec("ygg:jw_side", "UPDATE jw_conf SET v = 'theirs' WHERE id = 1");
    String before = one("ygg", "SELECT ygg.commit_id()");
    String side = ok("{\"op\": \"snapshot-id\", \"branch\": \"jw_side\"}").get("snapshot-id").asText();
    assertEquals(base, ok("{\"op\": \"common-ancestor\", \"a\": \"" + before + "\", \"b\": \"" + side + "\"}")
        .get("common-ancestor").asText());
    assertEquals(1, ok("{\"op\": \"conflicts\", \"a\": \"main\", \"b\": \"jw_side\"}").get("conflicts").size());

    Answer stopped = post("{\"op\": \"merge!\", \"source\": \"jw_side\"}");
    assertEquals(409, stopped.status());
    assertEquals("YG001", stopped.body().get("sqlstate").asText());
    assertEquals("jw_conf/1", stopped.body().get("conflicts").get(0).get("path").asText());
    assertEquals(before, one("ygg", "SELECT ygg.commit_id()"), "nothing changed");

    JsonNode resolved = ok("{\"op\": \"merge!\", \"source\": \"jw_side\", \"strategy\": \"theirs\"}");
    assertEquals("merge", resolved.get("kind").asText());
    assertEquals(1, resolved.get("conflicts").size());
    assertEquals("theirs", one("ygg", "SELECT v FROM jw_conf WHERE id = 1"));
  }

  @Test
  void resetGraphAndGc() throws Exception {
    exec("ygg", "CREATE TABLE jw_reset (id int PRIMARY KEY)", "INSERT INTO jw_reset VALUES (1)");
    String one = one("ygg", "SELECT ygg.commit_id()");
    ok("{\"op\": \"branch!\", \"name\": \"jw_r\"}");
    exec("ygg:jw_r", "INSERT INTO jw_reset VALUES (2)");
    JsonNode reset = ok("{\"op\": \"reset!\", \"branch\": \"jw_r\", \"snapshot-id\": \"" + one + "\"}");
    assertEquals("jw_r", reset.get("reset").asText());
    assertEquals(one, reset.get("snapshot-id").asText());
    assertEquals("1", one("ygg:jw_r", "SELECT count(*) FROM jw_reset"));
    JsonNode graph = ok("{\"op\": \"commit-graph\"}").get("commit-graph");
    assertEquals(one, graph.get("heads").get("jw_r").asText());
    assertTrue(graph.get("parents").has(one));
    JsonNode gc = ok("{\"op\": \"gc!\"}");
    assertTrue(strings(gc.get("gc-roots")).contains(one));
    assertEquals("1", one("ygg:jw_r", "SELECT count(*) FROM jw_reset"), "gc keeps what branches reach");
  }

  @Test
  void errorsCarryAStatusAndTheSqlState() throws Exception {
    expectError("{\"op\": \"snapshot-id\", \"branch\": \"jw_nope\"}", 404, "42704");
    expectError("{\"op\": \"branches\", \"database\": \"jw_nodb\"}", 404, "3D000");
    expectError("{\"op\": \"branches\", \"system\": \"jw_nosys\"}", 404, "42704");
    expectError("{\"op\": \"frobnicate\"}", 400, "42883");
    expectError("{\"op\": \"branch!\"}", 400, "22023");
    expectError("{\"op\": ", 400, "22P02");
    expectError("[1, 2]", 400, "22023");
    expectError("{\"op\": \"branch!\", \"name\": \"main\"}", 409, "42710");
    expectError("{\"op\": \"merge!\", \"source\": \"main\", \"strategy\": \"maybe\"}", 400, "22023");
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wire.port() + "/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("0A000", JSON.readTree(get.body()).get("sqlstate").asText());
  }

  private static void expectError(String json, int status, String sqlState) throws Exception {
    Answer a = post(json);
    assertEquals(status, a.status(), () -> json + " -> " + a.body());
    assertEquals(sqlState, a.body().get("sqlstate").asText(), () -> json + " -> " + a.body());
    assertFalse(a.body().get("error").asText().isBlank());
  }
}
