package org.yggdrasil.pgwire.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads a Git repository the way Git itself sees it (JGit, straight from the object database and
 * refs), so tests check what an attached repository really holds, not what the server reports.
 */
public record GitProbe(Path gitDir) {
  /** The commit id {@code refs/heads/<branch>} points at, or null when there is no such branch. */
  public String head(String branch) throws Exception {
    try (Repository repo = open()) {
      ObjectId id = repo.resolve("refs/heads/" + branch);
      return id == null ? null : id.name();
    }
  }

  /** The parents of the branch's head commit, in order. */
  public List<String> parents(String branch) throws Exception {
    try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(repo.resolve("refs/heads/" + branch));
      List<String> out = new ArrayList<>();
      for (RevCommit p : c.getParents()) {
        out.add(p.name());
      }
      return out;
    }
  }

  /** The local branch names. */
  public List<String> branches() throws Exception {
    List<String> out = new ArrayList<>();
    try (Repository repo = open()) {
      for (Ref r : repo.getRefDatabase().getRefsByPrefix("refs/heads/")) {
        out.add(r.getName().substring("refs/heads/".length()));
      }
    }
    return out;
  }

  /** A file's content at the branch's head as UTF-8 text, or null when the branch or file is absent. */
  public String file(String branch, String path) throws Exception {
    try (Repository repo = open()) {
      ObjectId head = repo.resolve("refs/heads/" + branch);
      if (head == null) {
        return null;
      }
      try (RevWalk walk = new RevWalk(repo);
          TreeWalk tw = TreeWalk.forPath(repo, path, walk.parseCommit(head).getTree())) {
        return tw == null ? null
            : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private Repository open() throws Exception {
    return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build();
  }
}
