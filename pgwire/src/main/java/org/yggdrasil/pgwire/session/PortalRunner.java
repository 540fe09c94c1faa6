package org.yggdrasil.pgwire.session;

import org.yggdrasil.pgwire.codec.Messages;

/** Describing and executing a portal: shared by the simple and extended query flows. */
final class PortalRunner {
  private PortalRunner() {}

  /** RowDescription with the portal's formats, or NoData when it returns no rows. */
  static void describe(WireOutput out, BoundPortal portal) {
    if (portal.columns().isEmpty()) {
      Messages.writeNoData(out.buffer());
    } else {
      Messages.writeRowDescription(out.buffer(), portal.columns(), portal.formats());
    }
  }

  /**
   * Runs the portal up to {@code maxRows} rows (0 = all), streaming DataRows, then
   * CommandComplete — or PortalSuspended when it stopped at the limit, so that a later Execute
   * continues. An empty statement answers EmptyQueryResponse.
   *
   * @param toCompletion a simple Query: never report a suspension
   */
  static void execute(WireOutput out, BoundPortal portal, int maxRows, boolean toCompletion) {
    if (portal.isEmpty()) {
      Messages.writeEmptyQueryResponse(out.buffer());
      return;
    }
    boolean completed = portal.portal().execute(Math.max(maxRows, 0), portal.rowWriter(out));
    if (completed || toCompletion) {
      Messages.writeCommandComplete(out.buffer(), portal.portal().commandTag());
    } else {
      Messages.writePortalSuspended(out.buffer());
    }
  }
}
