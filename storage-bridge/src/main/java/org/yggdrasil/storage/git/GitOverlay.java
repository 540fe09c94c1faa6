package org.yggdrasil.storage.git;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.ObjectId;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;

/**
 * An overlay of a Git branch, kept as a hidden ref {@code refs/ygg/overlays/<n>} forked from the
 * parent's head: outside {@code refs/heads}, so neither {@code git branch} nor {@link
 * GitSystem#branches()} lists it, but a gc keeps its commits. The overlay's writes are commits
 * on the hidden ref made through {@link #view()}; the parent never sees them before {@link
 * #mergeDown}.
 *
 * <ul>
 *   <li>frozen: reads the hidden ref: the parent as it was at the fork plus own writes.
 *   <li>gated: the same, until {@link #advance()} merges the parent's head into the hidden ref
 *       (own writes win conflicting paths: they shadow the parent) and moves the base there.
 *   <li>following: each read through the view (and {@link #baseRef()}) first advances as gated
 *       does, so it sees the parent's latest commit with own writes on top.
 * </ul>
 *
 * Merge-down merges the hidden ref into the parent with FAIL (a fast-forward when the parent did
 * not move since the base); on conflicts nothing changes and the overlay stays open. Merging
 * down or discarding deletes the hidden ref and closes the overlay (then 55000). Overlays live
 * in memory: after a restart, their refs stay until deleted by hand ({@code git update-ref -d}).
 */
final class GitOverlay implements Overlay {
  private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis());

  private final GitSystem parent;
  private final GitStore store;
  private final OverlayMode mode;
  private final String hidden;
  private final GitSystem hiddenBranch;
  private ObjectId base;
  private boolean closed;

  private GitOverlay(GitSystem parent, GitStore store, OverlayMode mode, String hidden, ObjectId base) {
    this.parent = parent;
    this.store = store;
    this.mode = mode;
    this.hidden = hidden;
    this.base = base;
    this.hiddenBranch = new GitSystem(store, hidden, null);
  }

  static GitOverlay open(GitSystem parent, OverlayMode mode) {
    GitStore store = storeOf(parent);
    ObjectId base = ObjectId.fromString(parent.snapshotId());
    String hidden = GitStore.OVERLAY_PREFIX + NEXT.incrementAndGet();
    store.writeLock.lock();
    try {
      GitCommits.moveBranch(store, hidden, GitStore.EMPTY, parent.startOf(base), "overlay of " + parent.currentBranch());
    } finally {
      store.writeLock.unlock();
    }
    return new GitOverlay(parent, store, mode, hidden, base);
  }

  private static GitStore storeOf(GitSystem system) {
    return system.store();
  }

  /** Before every read through the view: a following overlay takes in the parent's head. */
  synchronized void beforeRead() {
    checkOpen();
    if (mode == OverlayMode.FOLLOWING) {
      syncTo(parentHead());
    }
  }

  private ObjectId parentHead() {
    return store.existingHead(parent.currentBranch());
  }

  private void syncTo(ObjectId parentHead) {
    if (parentHead.equals(base)) {
      return;
    }
    MergeOutcome taken = hiddenBranch.merge(parentHead.name(), MergePolicy.OURS,
        "Yggdrasil: overlay takes in " + parent.currentBranch() + " at " + parentHead.name());
    if (taken.stopped()) {
      throw SqlStateException.of(SqlState.SERIALIZATION_FAILURE,
          "the overlay cannot take in the parent's changes; merge it down or discard it");
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
    return base.name();
  }

  @Override
  public synchronized void advance() {
    checkOpen();
    switch (mode) {
      case GATED -> syncTo(parentHead());
      case FOLLOWING -> beforeRead();
      case FROZEN -> throw SqlStateException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "a frozen overlay never sees its parent's later commits; open a gated overlay to advance");
    }
  }

  @Override
  public synchronized String peek() {
    checkOpen();
    return parentHead().name();
  }

  @Override
  public synchronized Delta overlayWrites() {
    beforeRead();
    return parent.diff(base.name(), store.existingHead(hidden).name());
  }

  @Override
  public synchronized MergeOutcome mergeDown(String message) {
    beforeRead();
    MergeOutcome out = parent.merge(store.existingHead(hidden).name(), MergePolicy.FAIL,
        message == null || message.isBlank() ? "Merge overlay into " + parent.currentBranch() : message);
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
    store.writeLock.lock();
    try {
      GitCommits.moveBranch(store, hidden, store.existingHead(hidden), GitStore.EMPTY, "overlay closed");
    } finally {
      store.writeLock.unlock();
    }
  }

  @Override
  public synchronized GitSystem view() {
    checkOpen();
    return new GitSystem(store, hidden, null, this);
  }
}
