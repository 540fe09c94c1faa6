package org.yggdrasil.storage.files;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Overlay;
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
final class FilesOverlay implements Overlay {
  private final FilesRepository repo;
  private final OverlayMode mode;
  private final String parent;
  private final String hidden;
  private String base;
  private boolean closed;

  FilesOverlay(FilesRepository repo, OverlayMode mode, String parent, String hidden, String base) {
    this.repo = repo;
    this.mode = mode;
    this.parent = parent;
    this.hidden = hidden;
    this.base = base;
  }

  @Override
  public OverlayMode mode() {
    return mode;
  }

  @Override
  public synchronized String parentBranch() {
    checkOpen();
    return parent;
  }

  @Override
  public synchronized String baseRef() {
    beforeRead();
    return base;
  }

  @Override
  public synchronized void advance() {
    checkOpen();
    String head = repo.head(parent);
    if (!head.equals(base)) {
      MergeOutcome m = repo.merge(hidden, head, MergePolicy.OURS, "advance overlay to " + head);
      if (m.stopped()) {
        throw new IllegalStateException("an OURS merge cannot stop");
      }
      base = head;
    }
  }

  @Override
  public synchronized String peek() {
    checkOpen();
    return repo.head(parent);
  }

  @Override
  public synchronized Delta overlayWrites() {
    beforeRead();
    return new FilesSystem(repo, hidden, null, null).diff(base, repo.head(hidden));
  }

  @Override
  public synchronized MergeOutcome mergeDown(String message) {
    checkOpen();
    MergeOutcome out = repo.merge(parent, repo.head(hidden), MergePolicy.FAIL,
        message == null || message.isBlank() ? "merge down overlay" : message);
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

  @Override
  public FilesSystem view() {
    checkOpen();
    return new FilesSystem(repo, hidden, null, this);
  }

  /** Called before each read through the view: a following overlay catches up with its parent. */
  synchronized void beforeRead() {
    checkOpen();
    if (mode == OverlayMode.FOLLOWING) {
      advance();
    }
  }

  private void close() {
    repo.deleteHidden(hidden);
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw SqlStateException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "overlay of branch \"%s\" was already merged down or discarded", parent);
    }
  }
}
