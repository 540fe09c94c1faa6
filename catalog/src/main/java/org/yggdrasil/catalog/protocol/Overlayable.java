package org.yggdrasil.catalog.protocol;

/** Layer 5: live forks of the current branch. */
public interface Overlayable extends VersionedSystem {
  Overlay overlay(OverlayMode mode);
}
