package org.yggdrasil.catalog.protocol;

import java.util.Locale;

/**
 * How an overlay observes its parent branch: {@code FROZEN} never sees the parent's later
 * commits; {@code FOLLOWING} always reads the parent's latest with its own writes on top;
 * {@code GATED} sees the parent as of its last {@link Overlay#advance()}.
 */
public enum OverlayMode {
  FROZEN, FOLLOWING, GATED;

  public static OverlayMode of(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
