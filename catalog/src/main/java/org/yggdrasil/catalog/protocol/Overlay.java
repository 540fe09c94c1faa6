package org.yggdrasil.catalog.protocol;

/**
 * A live fork of a branch (spec layer 5): writes stay in the overlay until {@link #mergeDown()};
 * {@link #discard()} abandons them. Once merged down or discarded an overlay is closed and its
 * operations fail with 55000.
 */
public interface Overlay {
  OverlayMode mode();

  /** The branch the overlay forks. */
  String parentBranch();

  /** The parent snapshot the overlay currently reads through. */
  String baseRef();

  /** Moves the observation point to the parent's head (gated mode; a no-op for following). */
  void advance();

  /** The parent's head now, without advancing. */
  String peek();

  /** The overlay's own writes relative to its base. */
  Delta overlayWrites();

  /** Pushes the overlay's writes onto the parent branch as one commit; returns its id. */
  MergeOutcome mergeDown(String message);

  /** Abandons the overlay's writes. */
  void discard();
}
