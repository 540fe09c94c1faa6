package org.yggdrasil.catalog.protocol;

import java.util.Objects;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * An overlay kept as a hidden branch forked from the parent's head, the way every adapter here
 * builds one. The overlay's writes are commits on the hidden branch (through the adapter's
 * {@code view()}); the parent never sees them before {@link #mergeDown}.
 *
 * <ul>
 *   <li>frozen: reads the hidden branch, i.e. the parent at the fork plus own writes; cannot
 *       advance.
 *   <li>gated: the same, until {@link #advance()} merges the parent's head into the hidden
 *       branch (own writes win conflicts: they shadow the parent) and moves the base there.
 *   <li>following: every read through the view (and {@link #baseRef()}) first advances as
 *       gated does, so reads see the parent's latest commit with own writes on top.
 * </ul>
 *
 * Merge-down merges the hidden branch into the parent with FAIL; on conflicts nothing changes
 * and the overlay stays open. Merging down or discarding deletes the hidden branch and closes
 * the overlay; every operation after that is 55000. Adapters supply the five store operations.
 */
public abstract class HiddenBranchOverlay implements Overlay {
  private final OverlayMode mode;
  private String base;
  private boolean closed;

  protected HiddenBranchOverlay(OverlayMode mode, String base) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.base = Objects.requireNonNull(base, "base");
  }

  /** The parent branch's head now. */
  protected abstract String parentHead();

  /** The hidden branch's head now. */
  protected abstract String hiddenHead();

  /** Merges {@code parentHead} into the hidden branch, own writes winning (policy OURS). */
  protected abstract MergeOutcome takeIn(String parentHead);

  /** Merges the hidden branch into the parent with FAIL. */
  protected abstract MergeOutcome mergeIntoParent(String message);

  /** What changed from {@code from} to {@code to} in the adapter's terms. */
  protected abstract Delta diff(String from, String to);

  /** Removes the hidden branch (the overlay is closed). */
  protected abstract void deleteHidden();

  /** Called by the adapter before every read through the view: a following overlay catches up. */
  public final synchronized void beforeRead() {
    checkOpen();
    if (mode == OverlayMode.FOLLOWING) {
      syncTo(parentHead());
    }
  }

  private void syncTo(String parentHead) {
    if (parentHead.equals(base)) {
      return;
    }
    MergeOutcome taken = takeIn(parentHead);
    if (taken.stopped()) {
      throw SqlStateException.of(SqlState.SERIALIZATION_FAILURE,
          "the overlay cannot take in the parent's changes (%s); merge it down or discard it",
          taken.conflicts().isEmpty() ? "conflicts" : taken.conflicts().get(0).path());
    }
    base = parentHead;
  }

  protected final synchronized void checkOpen() {
    if (closed) {
      throw SqlStateException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "the overlay was already merged down or discarded; open a new one");
    }
  }

  @Override
  public final OverlayMode mode() {
    return mode;
  }

  @Override
  public final synchronized String baseRef() {
    beforeRead();
    return base;
  }

  @Override
  public final synchronized void advance() {
    checkOpen();
    switch (mode) {
      case GATED -> syncTo(parentHead());
      case FOLLOWING -> beforeRead();
      case FROZEN -> throw SqlStateException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "a frozen overlay never sees its parent's later commits; open a gated overlay to advance");
    }
  }

  @Override
  public final synchronized String peek() {
    checkOpen();
    return parentHead();
  }

  @Override
  public final synchronized Delta overlayWrites() {
    beforeRead();
    return diff(base, hiddenHead());
  }

  @Override
  public final synchronized MergeOutcome mergeDown(String message) {
    beforeRead();
    MergeOutcome out = mergeIntoParent(message);
    if (!out.stopped()) {
      closed = true;
      deleteHidden();
    }
    return out;
  }

  @Override
  public final synchronized void discard() {
    checkOpen();
    closed = true;
    deleteHidden();
  }
}
