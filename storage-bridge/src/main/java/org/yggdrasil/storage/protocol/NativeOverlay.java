package org.yggdrasil.storage.protocol;

import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.HiddenBranchOverlay;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.MergeStrategy;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * An overlay of a native branch as a hidden branch {@code .overlay/<n>} (the modes are {@link
 * HiddenBranchOverlay}'s). Merge-down is a fast-forward when the parent has not moved since the
 * base (the overlay's commits become the parent's), a merge commit otherwise. Overlays live in
 * memory: after a restart their hidden branches remain until deleted by hand.
 */
final class NativeOverlay extends HiddenBranchOverlay {
  static final String PREFIX = ".overlay/";
  private static final String AUTHOR = "ygg";

  private final NativeSystem parent;
  private final String hidden;

  private NativeOverlay(NativeSystem parent, OverlayMode mode, String hidden, String base) {
    super(mode, base);
    this.parent = parent;
    this.hidden = hidden;
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

  @Override
  protected String parentHead() {
    return db().headCommit(parent.currentBranch());
  }

  @Override
  protected String hiddenHead() {
    return db().headCommit(hidden);
  }

  @Override
  protected MergeOutcome takeIn(String parentHead) {
    return outcome(db().merge(parentHead, hidden, MergeStrategy.OURS, AUTHOR));
  }

  @Override
  protected MergeOutcome mergeIntoParent(String message) {
    return outcome(db().merge(hidden, parent.currentBranch(), MergeStrategy.FAIL, AUTHOR));
  }

  private static MergeOutcome outcome(MergeResult r) {
    return new MergeOutcome(r.commitId(), r.kind(),
        NativeChanges.conflicts(NativeSystem.SYSTEM_ID, r.conflicts()));
  }

  @Override
  protected Delta diff(String from, String to) {
    return parent.diff(from, to);
  }

  @Override
  protected void deleteHidden() {
    db().deleteBranch(hidden);
  }

  @Override
  public String parentBranch() {
    return parent.currentBranch();
  }

  @Override
  public synchronized NativeSystem view() {
    checkOpen();
    return NativeSystem.overlayView(parent, this);
  }
}
