package org.yggdrasil.catalog.protocol;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

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

  /**
   * The overlay as a system value: its reads see what {@link #mode()} makes visible (the base
   * plus the overlay's own writes), and writes made through it (the adapter's own write path,
   * e.g. a {@code TabularSystem} writer) go to the overlay, never to the parent. Systems that
   * cannot expose the overlay as a value throw 0A000.
   */
  default VersionedSystem view() {
    throw SqlStateException.of(SqlState.FEATURE_NOT_SUPPORTED,
        "this system's overlays cannot be read or written as a system value");
  }
}
