package org.yggdrasil.catalog.protocol;

import java.util.function.Consumer;

/** Subscribing to a system's commits and branch changes. */
public interface Watchable extends VersionedSystem {
  /** Calls {@code listener} for each event after this call; closing the handle stops it. */
  AutoCloseable watch(Consumer<SystemEvent> listener);
}
