package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load: a child JVM commits from several threads and prints what was acknowledged;
 * it is killed at a random moment, the database is reopened, and every acknowledged commit must be
 * there (its id resolves, its row is on main) and verification must pass. Bounded in rounds and
 * time (≤ ~40 s).
 */
class CrashTest {
  @TempDir Path dir;

  private static Process start(Path db, String... more) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        "-cp", System.getProperty("java.class.path"), "-Xmx256m", CrashChild.class.getName(), db.toString()));
    cmd.addAll(List.of(more));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void acknowledgedCommitsSurviveKill9() throws Exception {
    Path db = dir.resolve("db");
    Random rnd = new Random(Long.getLong("ygg.test.seed", System.nanoTime()));
    long deadline = System.currentTimeMillis() + 35_000;
    Map<Long, String> acked = new LinkedHashMap<>();
    int rounds = 0;
    while (rounds < 8 && System.currentTimeMillis() < deadline) {
      rounds++;
      Process p = start(db);
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try {
          for (String l; (l = out.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(l);
            }
          }
        } catch (Exception ignored) {
          // killed
        }
      });
      reader.start();
      // wait for the first acknowledgement, then kill at a random moment
      long waitUntil = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < waitUntil) {
        synchronized (lines) {
          if (!lines.isEmpty()) {
            break;
          }
        }
        if (!p.isAlive()) {
          break;
        }
        Thread.sleep(5);
      }
      Thread.sleep(50 + rnd.nextInt(700));
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      reader.join(5_000);
      int before = acked.size();
      synchronized (lines) {
        for (String l : lines) {
          String[] f = l.split(" ");
          if (f.length == 3 && f[0].equals("ACK")) {
            acked.put(Long.parseLong(f[1]), f[2]);
          }
        }
      }
      assertTrue(acked.size() > before, "round " + rounds + ": the child acknowledged nothing");
      try (NativeDatabase d = NativeDatabase.open(db, 64)) {
        TableVersion t = d.snapshot("main").table("t");
        for (var e : acked.entrySet()) {
          assertEquals(e.getValue(), d.resolve(e.getValue()), "acknowledged commit lost");
          assertTrue(t.lookupPrimaryKey(new Object[] {e.getKey()}) >= 0, "acknowledged row " + e.getKey() + " lost");
        }
        VerifyReport r = d.verify();
        assertTrue(r.ok(), r.toString());
      }
    }
    assertTrue(rounds >= 2, "rounds " + rounds);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aReadOnlyProcessSeesTheWritersCommits() throws Exception {
    Path db = dir.resolve("db");
    try (NativeDatabase w = NativeDatabase.open(db, 64)) {
      Transaction tx = w.begin("main");
      tx.createTable(Fixtures.kv("t"));
      tx.commit();
      Process p = start(db, "read");
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertEquals("READY " + w.headCommit("main"), ready);
        String last = null;
        for (long i = 0; i < 3; i++) {
          tx = w.begin("main");
          tx.insert("t", List.<Object[]>of(new Object[] {i, "v"}));
          last = tx.commit().commitId();
        }
        String seen;
        do {
          seen = out.readLine();
          assertTrue(seen != null && seen.startsWith("SEEN "), String.valueOf(seen));
        } while (!seen.startsWith("SEEN " + last));
        assertEquals("SEEN " + last + " 3", seen);
      } finally {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
