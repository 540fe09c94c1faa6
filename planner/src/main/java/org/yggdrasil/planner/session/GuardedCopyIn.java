package org.yggdrasil.planner.session;

import java.util.function.Supplier;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.exec.CalciteErrors;

/**
 * A COPY FROM STDIN as {@link GuardedPortal} hands it out: each step (each CopyData message,
 * CopyDone, CopyFail) runs with the session's functions visible and cancellation armed, and a
 * failing step fails the transaction, as a failing Execute does.
 */
final class GuardedCopyIn implements CopyIn {
  private final YggSession session;
  private final CopyIn inner;

  private GuardedCopyIn(YggSession session, CopyIn inner) {
    this.session = session;
    this.inner = inner;
  }

  /** Begins the copy under the guard. */
  static CopyIn guard(YggSession session, Supplier<CopyIn> start) {
    return new GuardedCopyIn(session, run(session, true, start));
  }

  @Override
  public int columnCount() {
    return inner.columnCount();
  }

  @Override
  public void data(byte[] data) {
    run(session, false, () -> {
      inner.data(data);
      return null;
    });
  }

  @Override
  public String done() {
    return run(session, false, inner::done);
  }

  @Override
  public RuntimeException fail(String reason) {
    return run(session, false, () -> inner.fail(reason));
  }

  @Override
  public void abort() {
    inner.abort();
    session.failStatement();
  }

  /** {@code first}: the step that begins the statement (later ones keep a pending cancel). */
  private static <T> T run(YggSession session, boolean first, Supplier<T> step) {
    try (var ignored = first ? session.beginExecution() : session.resumeExecution()) {
      return step.get();
    } catch (SqlStateException e) {
      session.failStatement();
      throw session.describeCancel(e);
    } catch (RuntimeException | StackOverflowError e) {
      session.failStatement();
      throw e instanceof StackOverflowError
          ? new SqlStateException(SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded")
          : CalciteErrors.runtimeError(e);
    }
  }
}
