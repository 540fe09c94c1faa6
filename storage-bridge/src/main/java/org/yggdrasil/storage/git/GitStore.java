package org.yggdrasil.storage.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.SystemEvent;

/**
 * One attached repository, shared by every {@link GitSystem} value of it: the JGit repository,
 * how protocol branch names map to {@code refs/heads/…}, the lock that orders this adapter's
 * own ref updates, the HLCs of commits, and the watchers.
 *
 * <p>Protocol branch names are the database's. They equal Git's branch names, except that the
 * database's {@code main} may map to another Git branch (a repository whose default branch is
 * {@code master}); that Git branch then answers to {@code main}.
 */
final class GitStore implements AutoCloseable {
  /** The id of the empty snapshot: an unborn branch (Git's own "no commit" id). */
  static final ObjectId EMPTY = ObjectId.zeroId();

  final String systemId;
  final Repository repo;
  /** The Git branch the database's {@code main} maps to. */
  final String mainGitBranch;
  final GitHlc hlc;
  /**
   * Orders this adapter's writes (object insertion, ref updates, gc) so that a gc never prunes
   * objects a write inserted but has not yet referenced, and compare-and-set ref updates only
   * fail for writers outside this process.
   */
  final ReentrantLock writeLock = new ReentrantLock();
  private final List<Consumer<SystemEvent>> watchers = new CopyOnWriteArrayList<>();

  GitStore(String systemId, Repository repo, String mainGitBranch) {
    this.systemId = systemId;
    this.repo = repo;
    this.mainGitBranch = mainGitBranch;
    this.hlc = new GitHlc(repo);
  }

  /** Overlays' hidden branches: not valid Git branch names, so no user branch can take them. */
  static final String OVERLAY_PREFIX = ".overlay/";
  static final String OVERLAY_REFS = "refs/ygg/overlays/";

  /** The full ref name of a protocol branch (or of an overlay's hidden branch). */
  String refName(String branch) {
    if (branch.startsWith(OVERLAY_PREFIX)) {
      return OVERLAY_REFS + branch.substring(OVERLAY_PREFIX.length());
    }
    return Constants.R_HEADS + (Branchable.DEFAULT_BRANCH.equals(branch) ? mainGitBranch : branch);
  }

  /** The protocol name of a Git branch ({@code refs/heads/x} → {@code x}), or null if hidden. */
  String branchName(String refName) {
    String shortName = refName.substring(Constants.R_HEADS.length());
    if (shortName.equals(mainGitBranch)) {
      return Branchable.DEFAULT_BRANCH;
    }
    return shortName.equals(Branchable.DEFAULT_BRANCH) ? null : shortName;
  }

  boolean isValidBranchName(String branch) {
    return branch != null && !branch.isEmpty() && Repository.isValidRefName(Constants.R_HEADS + branch);
  }

  /** The branch's head, {@link #EMPTY} for the unborn default branch, null if it does not exist. */
  ObjectId head(String branch) {
    try {
      Ref ref = repo.exactRef(refName(branch));
      if (ref == null || ref.getObjectId() == null) {
        return Branchable.DEFAULT_BRANCH.equals(branch) ? EMPTY : null;
      }
      return ref.getObjectId();
    } catch (IOException e) {
      throw GitErrors.io("cannot read branch \"" + branch + "\" of Git system \"" + systemId + "\"", e);
    }
  }

  /** The head of an existing branch; 42704 otherwise. */
  ObjectId existingHead(String branch) {
    ObjectId head = head(branch);
    if (head == null) {
      throw GitErrors.unknownBranch(systemId, branch);
    }
    return head;
  }

  /** The protocol branches, always including the default one (possibly unborn). */
  SortedSet<String> branches() {
    SortedSet<String> names = new TreeSet<>();
    names.add(Branchable.DEFAULT_BRANCH);
    for (Ref ref : refs(Constants.R_HEADS)) {
      String name = branchName(ref.getName());
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** Branch name → head, for the branches that have commits. */
  Map<String, String> branchHeads() {
    Map<String, String> heads = new java.util.TreeMap<>();
    for (Ref ref : refs(Constants.R_HEADS)) {
      String name = branchName(ref.getName());
      if (name != null && ref.getObjectId() != null) {
        heads.put(name, ref.getObjectId().name());
      }
    }
    return heads;
  }

  List<Ref> refs(String prefix) {
    try {
      return repo.getRefDatabase().getRefsByPrefix(prefix);
    } catch (IOException e) {
      throw GitErrors.io("cannot list refs of Git system \"" + systemId + "\"", e);
    }
  }

  /**
   * The commit a snapshot id names: a full or abbreviated commit id (at least 4 hex digits), or
   * the empty snapshot's id. 42704 when there is no such commit.
   */
  ObjectId resolveSnapshot(String id) {
    if (id == null || id.length() < 4 || id.length() > Constants.OBJECT_ID_STRING_LENGTH
        || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw GitErrors.unknownSnapshot(systemId, String.valueOf(id));
    }
    if (id.equals(EMPTY.name())) {
      return EMPTY;
    }
    try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      var candidates = reader.resolve(AbbreviatedObjectId.fromString(id.toLowerCase(java.util.Locale.ROOT)));
      List<ObjectId> commits = new ArrayList<>();
      for (ObjectId candidate : candidates) {
        if (reader.has(candidate) && walk.parseAny(candidate) instanceof RevCommit) {
          commits.add(candidate.copy());
        }
      }
      if (commits.size() != 1) {
        throw GitErrors.unknownSnapshot(systemId, id);
      }
      return commits.getFirst();
    } catch (IOException e) {
      throw GitErrors.io("cannot read snapshot " + id + " of Git system \"" + systemId + "\"", e);
    }
  }

  /** A branch name's head, else a snapshot id's commit (what {@code from} and merge sources name). */
  ObjectId resolveBranchOrSnapshot(String name) {
    if (isValidBranchName(name)) {
      ObjectId head = head(name);
      if (head != null) {
        return head;
      }
      if (!name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw GitErrors.unknownBranch(systemId, name);
      }
    }
    return resolveSnapshot(name);
  }

  /** Every ref a gc keeps alive: branch heads and (peeled) tags. */
  Set<String> roots() {
    Set<String> roots = new TreeSet<>();
    for (Ref ref : refs(Constants.R_REFS)) {
      try {
        Ref peeled = repo.getRefDatabase().peel(ref);
        ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
        if (id != null) {
          roots.add(id.name());
        }
      } catch (IOException e) {
        throw GitErrors.io("cannot read ref " + ref.getName(), e);
      }
    }
    return roots;
  }

  AutoCloseable watch(Consumer<SystemEvent> watcher) {
    watchers.add(watcher);
    return () -> watchers.remove(watcher);
  }

  void publish(SystemEvent event) {
    if (event.branch() != null && event.branch().startsWith(OVERLAY_PREFIX)) {
      return; // an overlay's writes are private until merged down
    }
    for (Consumer<SystemEvent> watcher : watchers) {
      try {
        watcher.accept(event);
      } catch (RuntimeException e) {
        // One failing watcher must not undo a write that already happened or starve the others.
        System.getLogger(GitStore.class.getName()).log(System.Logger.Level.WARNING,
            "Git system watcher failed on " + event.type(), e);
      }
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
