package org.yggdrasil.planner.attach;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * A session's overlay (issue 9 "Overlays"): a live fork of its branch over every member,
 * opened with {@code SET ygg.overlay = 'frozen' | 'following' | 'gated'}. It is a hidden
 * database branch ({@code <parent>+overlay-<pid>-<n>}) made from the parent's head, with all
 * members branched alongside; the session reads and writes it until {@code ygg.merge_down()}
 * merges it into the parent or {@code ygg.discard()} drops it. Following overlays take in the
 * parent's new commits at the start of each transaction (their own writes win); gated ones when
 * {@code ygg.advance()} says so; frozen ones never.
 */
public final class SessionOverlay {
  private static final AtomicLong COUNTER = new AtomicLong();

  /** What the session needs to move between its branch and the overlay. */
  public interface Host {
    /** Moves the session's ygg.branch (and ygg.overlay) without the snapshot check. */
    void switchTo(String branch, String overlayMode);

    /** 25001 unless the session is outside a transaction block with nothing uncommitted. */
    void checkIdle(String what);

    /** The native merge result reported as the session does (YG001 on conflicts). */
    String finish(MergeResult r, String what);

    /** Stores member conflicts for ygg.conflicts. */
    void conflicts(List<Object[]> rows);
  }

  private final NativeDatabase database;
  private final CompositeVersions composite;
  private final int processId;
  private final Host host;
  private OverlayMode mode;
  private String parent;
  private String branch;
  /** The parent commit the overlay reads through. */
  private String base;

  public SessionOverlay(NativeDatabase database, CompositeVersions composite, int processId,
      Host host) {
    this.database = database;
    this.composite = composite;
    this.processId = processId;
    this.host = host;
  }

  public boolean isOpen() {
    return mode != null;
  }

  /** Opens an overlay of {@code parentBranch}; returns the hidden branch to move the session to. */
  public String open(String modeName, String parentBranch) {
    if (isOpen()) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "an overlay of branch \"" + parent + "\" is already open", null,
          "SELECT ygg.merge_down() or ygg.discard() first.", 0, null);
    }
    OverlayMode m;
    try {
      m = OverlayMode.of(modeName);
    } catch (IllegalArgumentException e) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"ygg.overlay\": \"" + modeName + "\"", null,
          "Available values: frozen, following, gated.", 0, null);
    }
    String hidden = OverlaySweep.hiddenBranch(parentBranch, processId, COUNTER.incrementAndGet());
    composite.createHiddenBranch(hidden, parentBranch);
    mode = m;
    parent = parentBranch;
    branch = hidden;
    base = database.headCommit(parentBranch);
    return hidden;
  }

  /** Following overlays take in the parent's new commits (called as a transaction starts). */
  public void follow() {
    if (mode == OverlayMode.FOLLOWING && !database.headCommit(parent).equals(base)) {
      takeParent();
    }
  }

  /** {@code ygg.advance()}: the parent's head now becomes the overlay's base. */
  public String advance() {
    requireOpen("ygg.advance()");
    if (mode == OverlayMode.FROZEN) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "a frozen overlay does not advance", null,
          "Open a gated or following overlay to see the parent's later commits.", 0, null);
    }
    host.checkIdle("ygg.advance()");
    takeParent();
    return base;
  }

  private void takeParent() {
    String head = database.headCommit(parent);
    composite.merge(parent, branch, "ours", host::finish, host::conflicts);
    base = head;
  }

  /** {@code ygg.merge_down([strategy])}: merges the overlay into its parent and closes it. */
  public String mergeDown(String strategy) {
    requireOpen("ygg.merge_down()");
    host.checkIdle("ygg.merge_down()");
    String head = composite.merge(branch, parent, strategy, host::finish, host::conflicts);
    close();
    return head;
  }

  /** {@code ygg.discard()}: drops the overlay's writes and closes it. */
  public String discard() {
    requireOpen("ygg.discard()");
    host.checkIdle("ygg.discard()");
    String back = parent;
    close();
    return back;
  }

  /** Drops an open overlay without asking (session end, RESET ALL). */
  public void discardQuietly() {
    if (isOpen()) {
      try {
        close();
      } catch (RuntimeException ignored) {
        // the session goes anyway; the hidden branch stays for an operator to delete
      }
    }
  }

  private void close() {
    String hidden = branch;
    String back = parent;
    mode = null;
    parent = null;
    branch = null;
    base = null;
    host.switchTo(back, "");
    composite.deleteBranch(hidden);
  }

  /** {@code ygg.overlay}: mode, parent_branch, overlay_branch, base_commit, parent_head. */
  public List<Object[]> rows() {
    if (!isOpen()) {
      return List.of();
    }
    return List.<Object[]>of(new Object[] {mode.name().toLowerCase(java.util.Locale.ROOT),
        parent, branch, base, database.headCommit(parent)});
  }

  /** The branch an open overlay forks, or null. */
  public String parentBranch() {
    return parent;
  }

  private void requireOpen(String what) {
    if (!isOpen()) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          what + " needs an open overlay", null,
          "SET ygg.overlay = 'frozen', 'following' or 'gated' opens one.", 0, null);
    }
  }
}
