package org.yggdrasil.planner.schema.functions;

import java.util.List;
import java.util.Map;
import org.yggdrasil.storage.nativestore.CommitMeta;

/**
 * The versioning operations of the session's database, as the {@code ygg.*} SQL functions and
 * tables use them. Implemented by the session; ref-moving operations act at once and are not
 * undone by ROLLBACK (DESIGN §4). A ref is a branch, a tag, a commit id or an unambiguous
 * prefix of one, or {@code ref~n}.
 */
public interface VersionControl {
  /** The branch the session reads and writes. */
  String currentBranch();

  /** All branch names, sorted. */
  List<String> branches();

  /** The commit a branch's head points to. */
  String head(String branch);

  /** Creates {@code name} pointing at {@code from} (any ref). */
  void createBranch(String name, String from);

  /** Deletes a branch other than the session's own. */
  void deleteBranch(String name);

  /** Points a branch at another commit; returns that commit's id. */
  String resetBranch(String name, String ref);

  /** Names a commit forever; returns its id. */
  String tag(String name, String ref);

  /** Tag names to commit ids. */
  Map<String, String> tags();

  /** The commit the session sees. */
  String commitId();

  /** The history the session sees (its branch, or its pinned commit), newest first. */
  List<CommitMeta> log(int limit);

  /** Commit ids reachable from {@code ref}, newest first, {@code ref} itself included. */
  List<String> ancestors(String ref);

  /** The nearest common ancestor of two refs, or null. */
  String commonAncestor(String a, String b);

  /**
   * Rows and definitions that differ between two refs, as (table_name, kind, key, old, new)
   * with key/old/new as jsonb text; {@code table} null for all tables.
   */
  List<Object[]> diff(String from, String to, String table);

  /**
   * Merges {@code source} into branch {@code target} with strategy fail, ours or theirs;
   * returns the target's head afterwards. Conflicts under "fail" raise YG001.
   */
  String merge(String source, String target, String strategy);

  /** Applies one commit's change (or with {@code invert}, its inverse) to a branch. */
  String cherryPick(String commit, String target, String strategy, boolean invert);

  /** The conflicts of this session's last merge attempt (table, kind, key, base, ours, theirs, detail). */
  List<Object[]> conflicts();

  /**
   * What a ref shows: a branch, tag or commit id (or prefix), or a timestamp, meaning what the
   * session's branch showed then.
   */
  org.yggdrasil.storage.nativestore.Snapshot snapshotAt(String refOrTime);

  /** Checks every object reachable from heads, tags and history; returns the report's text. */
  String verify();

  /** Reclaims unreachable objects no open snapshot reads; returns the bytes reclaimed. */
  long gc();

  /** The session's attached systems (CREATE SERVER); null when it cannot have any. */
  default org.yggdrasil.planner.attach.SessionSystems systems() {
    return null;
  }

  /** The session's overlay (SET ygg.overlay); null when the session cannot have one. */
  default org.yggdrasil.planner.attach.SessionOverlay overlay() {
    return null;
  }

  /** {@code ygg.diff_systems(from, to)}: what changed in the attached systems between two refs. */
  default List<Object[]> diffSystems(String from, String to) {
    return List.of();
  }
}
