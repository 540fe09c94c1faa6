package org.yggdrasil.storage.files;

import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.HiddenBranchOverlay;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.OverlayMode;

/**
 * An overlay of a branch, kept as a hidden branch {@code .overlay/<n>} forked from the parent's
 * head: writes through {@link #view()} go to the hidden branch (the store, never the directory).
 * Frozen reads the hidden branch as it is; gated the same until {@link #advance()} merges the
 * parent's head into it (the overlay's own writes win, they shadow the parent); following
 * advances before every read. Merge-down merges the hidden branch into the parent (conflicts
 * stop it and leave the overlay open); merge-down and discard delete the hidden branch and close
 * the overlay (every operation is then 55000). Overlays live in memory: hidden branches left by
 * a process that stopped are deleted when the system is opened again.
 */
final class FilesOverlay extends HiddenBranchOverlay {
  private final FilesRepository repo;
  private final String parent;
  private final String hidden;

  FilesOverlay(FilesRepository repo, OverlayMode mode, String parent, String hidden, String base) {
    super(mode, base);
    this.repo = repo;
    this.parent = parent;
    this.hidden = hidden;
  }

  @Override
  protected String parentHead() {
    return repo.head(parent);
  }

  @Override
  protected String hiddenHead() {
    return repo.head(hidden);
  }

  @Override
  protected MergeOutcome takeIn(String parentHead) {
    return repo.merge(hidden, parentHead, MergePolicy.OURS, "advance overlay to " + parentHead);
  }

  @Override
  protected MergeOutcome mergeIntoParent(String message) {
    return repo.merge(parent, repo.head(hidden), MergePolicy.FAIL,
        message == null || message.isBlank() ? "merge down overlay" : message);
  }

  @Override
  protected Delta diff(String from, String to) {
    return new FilesSystem(repo, hidden, null, null).diff(from, to);
  }

  @Override
  protected void deleteHidden() {
    repo.deleteHidden(hidden);
  }

  @Override
  public synchronized String parentBranch() {
    checkOpen();
    return parent;
  }

  @Override
  public FilesSystem view() {
    checkOpen();
    return new FilesSystem(repo, hidden, null, this);
  }
}
