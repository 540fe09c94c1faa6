package org.yggdrasil.storage.protocol;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.MergeStrategy;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * An overlay of a native branch, kept as a hidden branch {@code .overlay/<n>} forked from the
 * parent's head. The overlay's writes are commits on the hidden branch (made through {@link
 * #view()}); the parent never sees them until {@link #mergeDown}.
 *
 * <ul>
 *   <li>frozen: reads the hidden branch, i.e. the parent as it was at the fork plus own writes.
 *   <li>gated: the same, until {@link #advance()} merges the parent's head into the hidden
 *       branch (own writes win conflicts: they shadow the parent) and moves the base there.
 *   <li>following: every read (and {@link #baseRef()}) first advances as gated does, so reads
 *       see the parent's latest commit with own writes on top. This approximates "continuous"
 *       observation by synchronising at each read; between two reads nothing changes.
 * </ul>
 *
 * Merge-down merges the hidden branch into the parent with FAIL: a fast-forward when the parent
 * has not moved since the base (the overlay's commits become the parent's), a merge commit
 * otherwise; on conflicts nothing changes and the overlay stays open. Merging down or
 * discarding deletes the hidden branch and closes the overlay (then every operation is 55000).
 * Overlays live in memory: after a restart their hidden branches remain until deleted by hand.
 */
final class NativeOverlay implements Overlay {
  static final String PREFIX = ".overlay/";
  private static final String AUTHOR = "ygg";

  private final NativeSystem parent;
  private final OverlayMode mode;
  private final String hidden;
  private String base;
  private boolean closed;

  private NativeOverlay(NativeSystem parent, OverlayMode mode, String hidden, String base) {
    this.parent = parent;
    this.mode = mode;
    this.hidden = hidden;
    this.base = base;
  }

  static boolean isHidden(String branch) {
    return branch != null && branch.startsWith(PREFIX);
  }

  static NativeOverlay open(NativeSystem parent, OverlayMode mode, long id) {
    String base = parent.snapshotId();
    String hidden = PREFIX + id;
    parent.db().createBranch(hidden, base);
    return new NativeOverlay(parent, mode, hidden, base);
  }

  String hiddenBranch() {
    return hidden;
  }

  private NativeDatabase db() {
    return parent.db();
  }

  /** Called before every read through the view: a following overlay catches up here. */
  synchronized void beforeRead() {
    checkOpen();
    if (mode == OverlayMode.FOLLOWING) {
      syncTo(db().headCommit(parent.currentBranch()));
    }
  }

  private void syncTo(String parentHead) {
    if (parentHead.equals(base)) {
      return;
    }
    MergeResult r = db().merge(parentHead, hidden, MergeStrategy.OURS, AUTHOR);
    if (r.commitId() == null) {
      throw SqlStateException.of(SqlState.SERIALIZATION_FAILURE,
          "the overlay cannot take in the parent's changes (%s); merge it down or discard it",
          r.conflicts().isEmpty() ? "conflicts" : r.conflicts().get(0).detail());
    }
    base = parentHead;
  }

  private void checkOpen() {
    if (closed) {
      throw SqlStateException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "the overlay was already merged down or discarded; open a new one");
    }
  }

  @Override
  public OverlayMode mode() {
    return mode;
  }

  @Override
  public String parentBranch() {
    return parent.currentBranch();
  }

  @Override
  public synchronized String baseRef() {
    beforeRead();
    return base;
  }

  @Override
  public synchronized void advance() {
    checkOpen();
    switch (mode) {
      case GATED -> syncTo(peek());
      case FOLLOWING -> beforeRead();
      case FROZEN -> throw SqlStateException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "a frozen overlay never sees its parent's later commits; open a gated overlay to advance");
    }
  }

  @Override
  public synchronized String peek() {
    checkOpen();
    return db().headCommit(parent.currentBranch());
  }

  @Override
  public synchronized Delta overlayWrites() {
    beforeRead();
    return parent.diff(base, db().headCommit(hidden));
  }

  @Override
  public synchronized MergeOutcome mergeDown(String message) {
    beforeRead();
    MergeResult r = db().merge(hidden, parent.currentBranch(), MergeStrategy.FAIL, AUTHOR);
    MergeOutcome out = new MergeOutcome(r.commitId(), r.kind(),
        NativeChanges.conflicts(NativeSystem.SYSTEM_ID, r.conflicts()));
    if (!out.stopped()) {
      close();
    }
    return out;
  }

  @Override
  public synchronized void discard() {
    checkOpen();
    close();
  }

  private void close() {
    closed = true;
    db().deleteBranch(hidden);
  }

  @Override
  public synchronized NativeSystem view() {
    checkOpen();
    return NativeSystem.overlayView(parent, this);
  }
}
