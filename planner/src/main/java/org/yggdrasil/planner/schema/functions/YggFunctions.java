package org.yggdrasil.planner.schema.functions;

import org.apache.calcite.linq4j.function.NonDeterministic;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The {@code ygg} schema's functions: branching from SQL. Registered without their
 * {@code ygg_} prefix in schema {@code ygg} ({@code SELECT ygg.create_branch('x', 'main')}).
 */
@NonDeterministic
public final class YggFunctions {
  private YggFunctions() {}

  public static String ygg_current_branch() {
    return SessionInfo.current().versions().currentBranch();
  }

  /** Creates a branch at {@code from}'s head; returns the new branch's name. */
  public static String ygg_create_branch(String name, String from) {
    requireName(name);
    SessionInfo.current().versions().createBranch(name, from == null ? "main" : from);
    return name;
  }

  public static String ygg_create_branch(String name) {
    return ygg_create_branch(name, ygg_current_branch());
  }

  /** Deletes a branch; returns its name. */
  public static String ygg_delete_branch(String name) {
    requireName(name);
    SessionInfo.current().versions().deleteBranch(name);
    return name;
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "a branch name must not be empty");
    }
  }

  /** The commit this session sees. */
  public static String ygg_commit_id() {
    return SessionInfo.current().versions().commitId();
  }

  /** Points a branch at {@code ref}; returns the commit id it now points to. */
  public static String ygg_reset_branch(String name, String ref) {
    requireName(name);
    return SessionInfo.current().versions().resetBranch(name, ref);
  }

  /** Names the commit {@code ref} resolves to; returns its id. */
  public static String ygg_tag(String name, String ref) {
    requireName(name);
    return SessionInfo.current().versions().tag(name, ref);
  }

  /** Merges {@code source} into branch {@code target}; returns the target's new head. */
  public static String ygg_merge(String source, String target, String strategy) {
    requireName(target);
    return SessionInfo.current().versions().merge(source, target, strategy);
  }

  public static String ygg_merge(String source, String target) {
    return ygg_merge(source, target, null);
  }

  /** Applies what one commit changed to branch {@code target}; returns the new commit. */
  public static String ygg_cherry_pick(String commit, String target, String strategy) {
    requireName(target);
    return SessionInfo.current().versions().cherryPick(commit, target, strategy, false);
  }

  public static String ygg_cherry_pick(String commit, String target) {
    return ygg_cherry_pick(commit, target, null);
  }

  /** Undoes what one commit changed, as a new commit on branch {@code target}. */
  public static String ygg_revert(String commit, String target, String strategy) {
    requireName(target);
    return SessionInfo.current().versions().cherryPick(commit, target, strategy, true);
  }

  public static String ygg_revert(String commit, String target) {
    return ygg_revert(commit, target, null);
  }

  public static String ygg_common_ancestor(String a, String b) {
    return SessionInfo.current().versions().commonAncestor(a, b);
  }

  /**
   * Checks the store; returns a one-line summary starting with {@code ok:} when every
   * reachable object reads back with the right checksum and hash, else raises XX001.
   */
  public static String ygg_verify() {
    String report = SessionInfo.current().versions().verify();
    if (!report.startsWith("ok")) {
      throw new SqlStateException(SqlState.DATA_CORRUPTED, "store verification failed: " + report);
    }
    return report;
  }

  /** Moves the session's gated or following overlay to its parent's head; returns that commit. */
  public static String ygg_advance() {
    return overlay().advance();
  }

  /** Merges the session's overlay into its parent branch and closes it; returns the new head. */
  public static String ygg_merge_down(String strategy) {
    return overlay().mergeDown(strategy);
  }

  public static String ygg_merge_down() {
    return ygg_merge_down(null);
  }

  /** Drops the session's overlay and its writes; returns the branch the session is back on. */
  public static String ygg_discard() {
    return overlay().discard();
  }

  private static org.yggdrasil.planner.attach.SessionOverlay overlay() {
    var o = SessionInfo.current().versions().overlay();
    if (o == null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, "this session has no overlays");
    }
    return o;
  }

  /** Garbage-collects the store; returns the bytes reclaimed. */
  public static long ygg_gc() {
    return SessionInfo.current().versions().gc();
  }
}
