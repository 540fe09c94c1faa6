package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.git.GitWritesTest.file;
import static org.yggdrasil.storage.git.GitWritesTest.texts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.catalog.tables.TableWriter;

class GitOverlayTest {
  @TempDir Path dir;

  @Test
  void anOverlayIsAHiddenRefUntilMergedDownAsOrdinaryCommits() throws Exception {
    try (Git repo = GitRepos.init(dir, "main")) {
      GitRepos.commit(repo, "seed", Map.of("a", "a"));
    }
    try (GitSystem main = GitRepos.open(dir)) {
      Overlay overlay = main.overlay(OverlayMode.FROZEN);
      TableWriter w = ((GitSystem) overlay.view()).writer();
      w.insert("files", file("agent.txt", "tested change"));
      w.commit("agent change", "agent");

      assertEquals(Map.of("a", "a"), texts(main.rows("files")), "the parent does not see the overlay");
      assertEquals(List.of("main"), List.copyOf(main.branches()));
      List<String> hidden = main.store().refs(GitStore.OVERLAY_REFS).stream().map(r -> r.getName()).toList();
      assertEquals(1, hidden.size(), "one hidden ref: " + hidden);
      assertEquals(List.of(new Change(Change.Kind.ADDED, "agent.txt", null,
          (String) GitWritesTest.row((GitSystem) overlay.view(), "agent.txt")[3])), overlay.overlayWrites().changes());
      if (GitCli.installed()) {
        assertEquals("main", GitCli.run(main.directory(), "branch", "--format=%(refname:short)").strip(),
            "git branch does not list overlays");
      }

      MergeOutcome down = overlay.mergeDown("from the agent");
      assertEquals("fast-forward", down.kind());
      assertEquals(Map.of("a", "a", "agent.txt", "tested change"), texts(main.rows("files")));
      assertTrue(main.store().refs(GitStore.OVERLAY_REFS).isEmpty(), "merge-down removes the hidden ref");
      assertFalse(main.store().refs(Constants.R_REFS).stream().anyMatch(r -> r.getName().contains("overlay")));
    }
  }

  @Test
  void discardLeavesNoTraceOnTheParent() throws Exception {
    try (Git repo = GitRepos.init(dir, "main")) {
      GitRepos.commit(repo, "seed", Map.of("a", "a"));
    }
    try (GitSystem main = GitRepos.open(dir)) {
      String head = main.snapshotId();
      Overlay overlay = main.overlay(OverlayMode.GATED);
      TableWriter w = ((GitSystem) overlay.view()).writer();
      w.insert("files", file("tmp", "t"));
      w.commit("scratch", "agent");
      overlay.discard();
      assertEquals(head, main.snapshotId());
      assertTrue(main.store().refs(GitStore.OVERLAY_REFS).isEmpty());
    }
  }
}
