package org.yggdrasil.pgwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.pgwire.testing.GitProbe;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * Issue 9's whole story on one server: a database with native tables, a Git repository and a
 * directory of CSV files is queried in one statement, branched as a whole, changed in all three
 * members on the branch, diffed and merged back — through SQL and through the JSON wire — and the
 * Git repository and the directory on disk show exactly what the database says.
 */
class ThreeSystemsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path tmp;
  Path repoDir;
  Path sheetDir;
  YggEngine engine;
  PgServer pg;
  JsonWireServer wire;

  @BeforeEach
  void start() throws Exception {
    engine = new YggEngine(new EngineOptions(tmp.resolve("data"), false, false));
    pg = PgServer.start(engine, "127.0.0.1", 0, Authentication.TRUST, null);
    wire = JsonWireServer.start(new EngineSystemDirectory(engine::database), "127.0.0.1", 0);
    repoDir = tmp.resolve("repo.git");
    sheetDir = Files.createDirectories(tmp.resolve("sheet"));
    Files.writeString(sheetDir.resolve("prices.csv"), "sku,price\nA,10\nB,20\n");
    exec("CREATE TABLE orders (id int PRIMARY KEY, sku text, qty int)",
        "INSERT INTO orders VALUES (1, 'A', 3), (2, 'B', 1)",
        "CREATE SERVER repo FOREIGN DATA WRAPPER git OPTIONS (path '" + repoDir + "', create 'true')",
        "CREATE SERVER sheet FOREIGN DATA WRAPPER files OPTIONS (path '" + sheetDir + "')",
        "INSERT INTO repo.files (path, content) VALUES ('README.md', 'orders ledger')");
  }

  @AfterEach
  void stop() {
    wire.close();
    pg.close();
    engine.close();
  }

  @Test
  void branchChangeDiffAndMergeAllThreeFromSql() throws Exception {
    assertEquals(List.of(List.of("1", "30", "orders ledger"), List.of("2", "20", "orders ledger")),
        rows("SELECT o.id, o.qty * p.price, f.content FROM orders o"
            + " JOIN sheet.prices p ON p.sku = o.sku"
            + " CROSS JOIN repo.files f WHERE f.path = 'README.md' ORDER BY o.id"));
    assertEquals(String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue()),
        one("SELECT extract(year FROM committed_at)::int FROM repo.commits"
            + " WHERE committed_at > TIMESTAMPTZ '2020-01-01 00:00:00+00'"),
        "Git commit times arrive as timestamps");
    assertEquals(List.of(List.of("native"), List.of("repo"), List.of("sheet")),
        rows("SELECT name FROM ygg.systems ORDER BY name"));

    exec("SELECT ygg.create_branch('feature', 'main')");
    try (Connection c = sql(); Statement s = c.createStatement()) {
      s.execute("SET ygg.branch = 'feature'");
      s.execute("BEGIN");
      s.execute("UPDATE orders SET qty = 5 WHERE id = 1");
      s.execute("UPDATE sheet.prices SET price = 12 WHERE sku = 'A'");
      s.execute("INSERT INTO repo.files (path, content) VALUES ('NOTES.md', 'repriced A')");
      s.execute("COMMIT");
      assertEquals("60", one(s, "SELECT o.qty * p.price FROM orders o JOIN sheet.prices p"
          + " ON p.sku = o.sku WHERE o.id = 1"));
    }
    // main, the directory and Git's main are untouched by the branch
    assertEquals("30", one("SELECT o.qty * p.price FROM orders o JOIN sheet.prices p"
        + " ON p.sku = o.sku WHERE o.id = 1"));
    assertEquals("sku,price\nA,10\nB,20\n", Files.readString(sheetDir.resolve("prices.csv")));
    assertNull(git().file("main", "NOTES.md"));
    assertEquals("repriced A", git().file("feature", "NOTES.md"));

    List<List<String>> diff = rows("SELECT system, kind, path FROM ygg.diff_systems('main', 'feature')"
        + " ORDER BY system, path");
    assertTrue(diff.contains(List.of("repo", "added", "NOTES.md")), diff.toString());
    assertTrue(diff.stream().anyMatch(r -> r.get(0).equals("sheet") && r.get(2).contains("prices")),
        diff.toString());
    assertEquals("1", one("SELECT count(*) FROM ygg.diff('main', 'feature', 'orders')"));

    exec("SELECT ygg.merge('feature', 'main')");
    assertEquals("60", one("SELECT o.qty * p.price FROM orders o JOIN sheet.prices p"
        + " ON p.sku = o.sku WHERE o.id = 1"));
    assertTrue(Files.readString(sheetDir.resolve("prices.csv")).contains("A,12"),
        "merging into main writes the directory");
    assertEquals("repriced A", git().file("main", "NOTES.md"));
    assertEquals("repriced A", one("SELECT content FROM repo.files WHERE path = 'NOTES.md'"));
  }

  @Test
  void theJsonWireBranchesAndMergesEveryMember() throws Exception {
    JsonNode systems = ok("{\"op\": \"systems\"}").get("systems");
    assertEquals("[\"database\",\"native\",\"repo\",\"sheet\"]", systems.toString());
    ok("{\"op\": \"branch!\", \"name\": \"wire\", \"from\": \"main\"}");
    assertNotNull(git().file("wire", "README.md"), "the Git member got the branch");
    assertTrue(texts(ok("{\"op\": \"branches\", \"system\": \"sheet\"}").get("branches"))
        .contains("wire"), "the files member got the branch");

    try (Connection c = sql(); Statement s = c.createStatement()) {
      s.execute("SET ygg.branch = 'wire'");
      s.execute("INSERT INTO orders VALUES (3, 'B', 7)");
      s.execute("UPDATE repo.files SET content = 'orders ledger, v2' WHERE path = 'README.md'");
    }
    JsonNode merged = ok("{\"op\": \"merge!\", \"source\": \"wire\"}");
    assertEquals("wire", merged.get("merged").asText());
    assertEquals(one("SELECT ygg.commit_id()"), merged.get("snapshot-id").asText(),
        "the wire answers main's new head, which records the merged members");
    assertEquals("3", one("SELECT count(*) FROM orders"));
    assertEquals("orders ledger, v2", git().file("main", "README.md"));
    assertEquals("orders ledger, v2", one("SELECT content FROM repo.files WHERE path = 'README.md'"));

    ok("{\"op\": \"delete-branch!\", \"name\": \"wire\"}");
    assertNull(git().head("wire"), "deleting the database branch deletes the member's");
  }

  // ---- helpers ----

  JsonNode ok(String json) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wire.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), () -> json + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  Connection sql() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/ygg", "ygg", "");
  }

  void exec(String... statements) throws SQLException {
    try (Connection c = sql(); Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  String one(String query) throws SQLException {
    try (Connection c = sql(); Statement s = c.createStatement()) {
      return one(s, query);
    }
  }

  static String one(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getString(1);
    }
  }

  List<List<String>> rows(String query) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The Git repository as Git itself sees it. */
  private GitProbe git() {
    return new GitProbe(repoDir);
  }
}
