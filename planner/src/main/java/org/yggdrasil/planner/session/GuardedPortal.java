package org.yggdrasil.planner.session;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.copy.CopyFromPortal;
import org.yggdrasil.planner.exec.CalciteErrors;

/**
 * Wraps every portal the session hands out: runs each Execute with the session's functions
 * visible, the cancel flag armed and statement_timeout scheduled, and turns any failure into a
 * SqlStateException that also marks the transaction failed.
 */
final class GuardedPortal implements Portal {
  private final YggSession session;
  private final Portal inner;
  private final boolean transactionControl;

  GuardedPortal(YggSession session, Portal inner, boolean transactionControl) {
    this.session = session;
    this.inner = inner;
    this.transactionControl = transactionControl;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return inner.resultColumns();
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    if (!transactionControl) {
      session.transaction().checkNotFailed();
      session.transaction().statementStart();
    }
    RuntimeException[] sinkFailure = new RuntimeException[1];
    RowSink watched = row -> {
      try {
        sink.row(row);
      } catch (RuntimeException e) {
        sinkFailure[0] = e;
        throw e;
      }
    };
    try (var ignored = session.beginExecution()) {
      return inner.execute(maxRows, watched);
    } catch (SqlStateException e) {
      session.failStatement();
      if (sinkFailure[0] != null) {
        throw sinkFailure[0];
      }
      throw session.describeCancel(e);
    } catch (RuntimeException | StackOverflowError e) {
      session.failStatement();
      if (sinkFailure[0] != null) {
        // The wire side's own failure (e.g. the client went away) passes through unchanged.
        throw sinkFailure[0];
      }
      SqlStateException t = e instanceof StackOverflowError
          ? new SqlStateException(SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded")
          : CalciteErrors.runtimeError(e);
      throw session.describeCancel(t);
    }
  }

  /** COPY FROM STDIN begins under the same guard as an Execute; see {@link GuardedCopyIn}. */
  @Override
  public CopyIn copyIn() {
    if (!(inner instanceof CopyFromPortal)) {
      return null;
    }
    session.transaction().checkNotFailed();
    session.transaction().statementStart();
    return GuardedCopyIn.guard(session, inner::copyIn);
  }

  @Override
  public CopyOut copyOut() {
    return inner.copyOut();
  }

  @Override
  public String commandTag() {
    return inner.commandTag();
  }

  @Override
  public void close() {
    inner.close();
  }
}
