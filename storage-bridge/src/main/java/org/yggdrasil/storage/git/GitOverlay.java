package org.yggdrasil.storage.git;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.ObjectId;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.HiddenBranchOverlay;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.OverlayMode;

/**
 * An overlay of a Git branch, kept as a hidden ref {@code refs/ygg/overlays/<n>} forked from the
 * parent's head: outside {@code refs/heads}, so neither {@code git branch} nor {@link
 * GitSystem#branches()} lists it, but a gc keeps its commits. The overlay's writes are commits
 * on the hidden ref made through {@link #view()}; the parent never sees them before {@link
 * #mergeDown}.
 *
 * The modes are {@link HiddenBranchOverlay}'s.
 *
 * Merge-down merges the hidden ref into the parent with FAIL (a fast-forward when the parent did
 * not move since the base); on conflicts nothing changes and the overlay stays open. Merging
 * down or discarding deletes the hidden ref and closes the overlay (then 55000). Overlays live
 * in memory: after a restart, their refs stay until deleted by hand ({@code git update-ref -d}).
 */
final class GitOverlay extends HiddenBranchOverlay {
  private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis());

  private final GitSystem parent;
  private final GitStore store;
  private final String hidden;
  private final GitSystem hiddenBranch;

  private GitOverlay(GitSystem parent, GitStore store, OverlayMode mode, String hidden, ObjectId base) {
    super(mode, base.name());
    this.parent = parent;
    this.store = store;
    this.hidden = hidden;
    this.hiddenBranch = new GitSystem(store, hidden, null);
  }

  static GitOverlay open(GitSystem parent, OverlayMode mode) {
    GitStore store = parent.store();
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

  @Override
  protected String parentHead() {
    return store.existingHead(parent.currentBranch()).name();
  }

  @Override
  protected String hiddenHead() {
    return store.existingHead(hidden).name();
  }

  @Override
  protected MergeOutcome takeIn(String parentHead) {
    return hiddenBranch.merge(parentHead, MergePolicy.OURS,
        "Yggdrasil: overlay takes in " + parent.currentBranch() + " at " + parentHead);
  }

  @Override
  protected MergeOutcome mergeIntoParent(String message) {
    return parent.merge(hiddenHead(), MergePolicy.FAIL,
        message == null || message.isBlank() ? "Merge overlay into " + parent.currentBranch() : message);
  }

  @Override
  protected Delta diff(String from, String to) {
    return parent.diff(from, to);
  }

  @Override
  protected void deleteHidden() {
    store.writeLock.lock();
    try {
      GitCommits.moveBranch(store, hidden, store.existingHead(hidden), GitStore.EMPTY, "overlay closed");
    } finally {
      store.writeLock.unlock();
    }
  }

  @Override
  public String parentBranch() {
    return parent.currentBranch();
  }

  @Override
  public synchronized GitSystem view() {
    checkOpen();
    return new GitSystem(store, hidden, null, this);
  }
}
