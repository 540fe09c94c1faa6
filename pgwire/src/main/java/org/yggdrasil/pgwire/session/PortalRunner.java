package org.yggdrasil.pgwire.session;


import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.pgwire.codec.PgError;
import org.yggdrasil.planner.session.CopyOut;

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
   * @param rowCap when positive (a run on the event loop), stop after this many rows if the
   *     request asks for more, write nothing further and return the rows still wanted, for the
   *     worker to continue with
   * @return -1 when done (CommandComplete, PortalSuspended or EmptyQueryResponse written);
   *     otherwise the portal stopped at {@code rowCap} and this many more rows are wanted
   *     (0 = all)
   */
  static int execute(
      WireOutput out, BoundPortal portal, int maxRows, boolean toCompletion, int rowCap) {
    if (portal.isEmpty()) {
      Messages.writeEmptyQueryResponse(out.buffer());
      return -1;
    }
    CopyOut copyOut = portal.portal().copyOut();
    if (copyOut != null) {
      CopyOutWriter.run(out, portal, copyOut); // COPY TO STDOUT runs to completion
      return -1;
    }
    int requested = Math.max(maxRows, 0);
    boolean capped = rowCap > 0 && (requested == 0 || requested > rowCap);
    int limit = capped ? rowCap : requested;
    org.yggdrasil.planner.session.Notices.drain(); // left by an earlier failed statement
    boolean completed = portal.portal().execute(limit, portal.rowWriter(out));
    for (var notice : org.yggdrasil.planner.session.Notices.drain()) {
      Messages.writeNoticeResponse(out.buffer(), PgError.of("NOTICE", notice));
    }
    if (!completed && capped) {
      return requested == 0 ? 0 : requested - rowCap;
    }
    if (completed || toCompletion) {
      Messages.writeCommandComplete(out.buffer(), portal.portal().commandTag());
    } else {
      Messages.writePortalSuspended(out.buffer());
    }
    return -1;
  }
}
