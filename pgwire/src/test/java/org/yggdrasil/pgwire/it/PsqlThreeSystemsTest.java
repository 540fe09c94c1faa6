package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's "done when", typed into the real {@code psql}: a Git repository made with the
 * {@code git} command and a directory of CSV files are attached, queried next to a native table
 * in one statement, the whole database is branched, all three are changed in one transaction on
 * the branch, diffed and merged back; then {@code git} itself and the files on disk are asked
 * what happened.
 */
class PsqlThreeSystemsTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @TempDir Path tmp;

  @Test
  void attachBranchChangeDiffAndMergeFromPsql() throws Exception {
    assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
    assumeTrue(Psql.available(), "psql is not installed (CI installs postgresql-client)");
    assumeTrue(Psql.runs("git", "--version"), "git is not installed");
    Path repo = gitRepository();
    String mainAtStart = git(repo, "rev-parse", "refs/heads/main");
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("prices.csv"), "sku,price\nA,10\nB,20\n");

    psql("CREATE TABLE orders (id int PRIMARY KEY, sku text, qty int)",
        "INSERT INTO orders VALUES (1, 'A', 3), (2, 'B', 1)",
        "CREATE SERVER repo FOREIGN DATA WRAPPER git OPTIONS (path '" + repo + "')",
        "CREATE SERVER data FOREIGN DATA WRAPPER files OPTIONS (path '" + data + "')");
    assertEquals(List.of("data|files", "native|native", "repo|git"),
        psql("SELECT name, type FROM ygg.systems ORDER BY name"));

    String join = "SELECT o.id, o.qty * p.price, f.content FROM orders o"
        + " JOIN data.prices p ON p.sku = o.sku"
        + " JOIN repo.files f ON f.path = 'README.md' ORDER BY o.id";
    assertEquals(List.of("1|30|orders ledger", "2|20|orders ledger"), psql(join),
        "one statement reads the native table, the CSV file and the Git tree");

    psql("SELECT ygg.create_branch('feature', 'main')");
    assertEquals(mainAtStart, git(repo, "rev-parse", "refs/heads/feature"),
        "the Git member got the branch at main's head");

    // one psql session: the branch setting and one transaction over all three members
    assertEquals(List.of("1|60|orders ledger", "2|20|orders ledger"),
        psql("SET ygg.branch = 'feature'", "BEGIN",
            "UPDATE orders SET qty = 5 WHERE id = 1",
            "UPDATE data.prices SET price = 12 WHERE sku = 'A'",
            "INSERT INTO repo.files (path, content) VALUES ('NOTES.md', 'repriced A')",
            "COMMIT", join));

    // main, the directory and Git's main did not move
    assertEquals(List.of("1|30|orders ledger", "2|20|orders ledger"), psql(join));
    assertEquals("sku,price\nA,10\nB,20\n", Files.readString(data.resolve("prices.csv")));
    assertEquals(mainAtStart, git(repo, "rev-parse", "refs/heads/main"));
    String featureHead = git(repo, "rev-parse", "refs/heads/feature");
    assertNotEquals(mainAtStart, featureHead, "the transaction made one Git commit on feature");
    assertEquals(mainAtStart, git(repo, "rev-parse", "refs/heads/feature~1"));
    assertEquals("repriced A", git(repo, "show", "feature:NOTES.md"));
    assertEquals("ygg", git(repo, "log", "-1", "--format=%an", "refs/heads/feature"),
        "the Git commit's author is the database role");

    assertEquals(List.of("data|modified|prices.csv", "repo|added|NOTES.md"),
        psql("SELECT system, kind, path FROM ygg.diff_systems('main', 'feature')"
            + " ORDER BY system, path"));
    assertEquals(List.of("orders|changed|{\"id\": 1}"),
        psql("SELECT table_name, kind, key FROM ygg.diff('main', 'feature')"));

    psql("SELECT ygg.merge('feature', 'main')");
    assertEquals(List.of("1|60|orders ledger", "2|20|orders ledger"), psql(join));
    assertEquals("sku,price\nA,12\nB,20\n", Files.readString(data.resolve("prices.csv")),
        "merging into main writes the directory on disk");
    assertEquals(featureHead, git(repo, "rev-parse", "refs/heads/main"),
        "Git's main fast-forwarded to the branch's commit");
    assertEquals("repriced A", git(repo, "show", "main:NOTES.md"));
    assertEquals(List.of(), psql("SELECT * FROM ygg.diff_systems('main', 'feature')"),
        "after the merge main and feature hold the same members");
  }

  /**
   * A bare clone, made with the git command, of a repository whose main has one commit with
   * README.md (bare: the adapter moves branches, and a work tree would fall behind them).
   */
  private Path gitRepository() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    git(work, "init", "-q", "-b", "main");
    Files.writeString(work.resolve("README.md"), "orders ledger");
    git(work, "add", "README.md");
    git(work, "commit", "-q", "-m", "ledger");
    Path bare = tmp.resolve("repo.git");
    git(tmp, "clone", "-q", "--bare", work.toString(), bare.toString());
    return bare;
  }

  /**
   * Runs the commands in one psql session ({@code -X -A -t -q}, stopping at the first error) and
   * returns the lines it printed.
   */
  private static List<String> psql(String... commands) throws Exception {
    Psql.Result r = Psql.run(server, List.of("-A", "-t", "-q", "-v", "ON_ERROR_STOP=1"),
        commands);
    assertEquals(0, r.exitCode(), () -> "psql failed:\n" + r.output());
    return r.output().lines().toList();
  }

  /** {@code git ARGS} in {@code dir} with a fixed identity; its output without the last newline. */
  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "Tester", "GIT_AUTHOR_EMAIL",
        "tester@example.com", "GIT_COMMITTER_NAME", "Tester", "GIT_COMMITTER_EMAIL",
        "tester@example.com", "GIT_CONFIG_NOSYSTEM", "1", "HOME", dir.toString()));
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git did not finish");
    assertEquals(0, p.exitValue(), () -> "git " + String.join(" ", args) + ":\n" + out);
    return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
  }
}
