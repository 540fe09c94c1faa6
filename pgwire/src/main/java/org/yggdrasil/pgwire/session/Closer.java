package org.yggdrasil.pgwire.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing engine resources without letting a failing close disturb the protocol. */
final class Closer {
  private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

  private Closer() {}

  static void quietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", resource, e);
    }
  }
}
