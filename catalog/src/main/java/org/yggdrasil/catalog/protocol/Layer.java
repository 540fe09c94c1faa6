package org.yggdrasil.catalog.protocol;

import java.util.Locale;

/**
 * The protocol layers a system can advertise (spec "Protocol Layers" plus the ones DESIGN.md §5
 * adds). Each names the Java interface that implements it; {@link #wireName()} is the name the
 * JSON wire uses in a {@code capabilities} answer.
 */
public enum Layer {
  SNAPSHOTABLE, BRANCHABLE, GRAPHABLE, MERGEABLE, OVERLAYABLE, WATCHABLE, GARBAGE_COLLECTABLE,
  COMMITTABLE, ADDRESSABLE;

  /** {@code snapshotable}, {@code garbage-collectable}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The layer a wire name denotes. */
  public static Layer ofWireName(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
