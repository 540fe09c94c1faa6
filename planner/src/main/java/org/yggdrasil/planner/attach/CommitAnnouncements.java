package org.yggdrasil.planner.attach;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * What {@code LISTEN ygg_commits} hears (DESIGN.md §4): one payload per database commit,
 * {@code {"database", "branch", "commit"}}. The database commit is the composite commit, so a
 * commit that moved attached systems (writes to their tables, files edited on disk taken in, a
 * merge) is announced once, with {@code systems}: each member it moved → the member's new
 * snapshot id (a Git commit, a files manifest). A branch head that moves without a new commit
 * (a fast-forward merge, {@code ygg.reset_branch}) is announced the same way, compared with the
 * head before the move, so merging a branch into one that has not moved is heard too.
 */
public final class CommitAnnouncements {
  private final String database;
  private final NativeDatabase db;
  private final Consumer<Map<String, Object>> sink;
  /** The last head seen per branch: what a head move is compared with. */
  private final Map<String, String> heads = new ConcurrentHashMap<>();

  private CommitAnnouncements(String database, NativeDatabase db,
      Consumer<Map<String, Object>> sink) {
    this.database = database;
    this.db = db;
    this.sink = sink;
  }

  /** Hands {@code sink} the payload of every commit and head move of {@code db} from now on. */
  public static void install(String database, NativeDatabase db,
      Consumer<Map<String, Object>> sink) {
    CommitAnnouncements a = new CommitAnnouncements(database, db, sink);
    for (String branch : db.branches()) {
      a.heads.put(branch, db.headCommit(branch));
    }
    db.onCommit(commit -> {
      a.heads.put(commit.branch(), commit.id());
      a.announce(commit.branch(), commit.id(),
          commit.parents().isEmpty() ? null : commit.parents().get(0));
    });
    db.onHeadMove((branch, head) -> {
      String before = a.heads.put(branch, head);
      if (!head.equals(before)) {
        a.announce(branch, head, before);
      }
    });
    db.onBranchChange((branch, head) -> {
      if (head == null) {
        a.heads.remove(branch);
      } else {
        a.heads.put(branch, head);
      }
    });
  }

  private void announce(String branch, String commit, String before) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("database", database);
    payload.put("branch", branch);
    payload.put("commit", commit);
    Map<String, String> moved;
    try {
      moved = movedMembers(commit, before);
    } catch (RuntimeException unreadable) {
      // The commit is durable already: a base whose data is gone (gc) must not stop the
      // notification, which then just lacks the member detail.
      moved = Map.of();
    }
    if (!moved.isEmpty()) {
      payload.put("systems", moved);
    }
    sink.accept(payload);
  }

  /** Member → snapshot id for the members whose recorded head differs from {@code before}'s. */
  private Map<String, String> movedMembers(String commit, String before) {
    Map<String, String> moved = new TreeMap<>();
    Map<String, String> now = MemberViews.heads(db.snapshotAt(commit));
    if (now.isEmpty()) {
      return moved; // nothing attached: no need to read the base
    }
    Map<String, String> then = before == null ? Map.of()
        : MemberViews.heads(db.snapshotAt(before));
    now.forEach((member, head) -> {
      if (!head.equals(then.get(member))) {
        moved.put(member, head);
      }
    });
    return moved;
  }
}
