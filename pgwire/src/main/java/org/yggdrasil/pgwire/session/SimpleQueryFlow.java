package org.yggdrasil.pgwire.session;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage.FunctionCall;
import org.yggdrasil.pgwire.codec.FrontendMessage.Query;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.planner.session.CopyIn;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.TransactionStatus;

/**
 * The simple Query protocol ('Q'), as PostgreSQL's {@code exec_simple_query}:
 *
 * <pre>
 *   Q "s1; s2"  -->  for each statement:
 *                      [RowDescription, DataRow*]  CommandComplete     (or EmptyQueryResponse)
 *                    an error: ErrorResponse, the remaining statements are skipped
 *               -->  session.sync() (ends the implicit transaction)
 *                    ParameterStatus* (changed settings)  ReadyForQuery
 * </pre>
 *
 * All results are in text format. The unnamed statement and portal are dropped first, as
 * PostgreSQL does, since a simple query reuses them.
 */
final class SimpleQueryFlow {
  private static final int[] NO_PARAMETER_TYPES = new int[0];
  private static final Object[] NO_PARAMETERS = new Object[0];
  private static final short[] NO_FORMATS = new short[0];

  private final Backend backend;

  SimpleQueryFlow(Backend backend) {
    this.backend = backend;
  }

  void run(Query query) {
    backend.objects().removeStatement("");
    backend.objects().removePortal("");
    CostHistory.Stats stats = backend.history().forQuery(query.sql());
    Started started = new Started(stats, System.nanoTime(), backend.out().rows());
    List<String> statements;
    try {
      statements = backend.session().splitStatements(query.sql());
      if (statements.isEmpty()) {
        Messages.writeEmptyQueryResponse(backend.out().buffer());
      }
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      backend.sendError(e);
      finish(started);
      return;
    }
    runFrom(statements, 0, null, null, started);
  }

  private record Started(CostHistory.Stats stats, long nanos, long rows) {}

  /**
   * Runs {@code statements} from index {@code i}; when {@code statement} is not null,
   * statement {@code i} is already prepared and its {@code portal} partly executed (resumed
   * after an inline run stopped at its row cap). Ends with ReadyForQuery, or by handing the
   * rest to the worker — after which nothing here may touch the connection.
   */
  private void runFrom(List<String> statements, int i, PreparedStatement statement,
      BoundPortal portal, Started started) {
    try {
      for (; i < statements.size(); i++) {
        if (statement == null) {
          statement = backend.session().prepare(statements.get(i), NO_PARAMETER_TYPES);
          if (started.stats() != null) {
            // The message's shape is bounded only if every statement in it is.
            started.stats().bounded(statement.bounded() && (i == 0 || started.stats().isBounded()));
          }
          if (statement.isEmpty()) {
            Messages.writeEmptyQueryResponse(backend.out().buffer());
            Closer.quietly(statement);
            statement = null;
            continue;
          }
          portal = BoundPortal.of(statement.bind(NO_PARAMETERS), NO_FORMATS, backend.format());
          if (!portal.columns().isEmpty()) {
            PortalRunner.describe(backend.out(), portal);
          }
          CopyIn copyIn = portal.portal().copyIn();
          if (copyIn != null) {
            // COPY FROM STDIN: the client's data comes in the next messages; the rest of this
            // query string runs once the copy has ended.
            int next = i + 1;
            PreparedStatement s = statement;
            BoundPortal p = portal;
            backend.copyIn().start(copyIn, ok -> {
              closeCurrent(s, p);
              if (ok) {
                runFrom(statements, next, null, null, started);
              } else {
                finish(started);
              }
            });
            return;
          }
        }
        int more = PortalRunner.execute(backend.out(), portal, 0, true,
            backend.inlineRowCap());
        if (more >= 0) {
          // Stopped at the inline row cap: the worker streams the rest, with backpressure.
          if (started.stats() != null) {
            started.stats().slow();
          }
          int next = i;
          PreparedStatement s = statement;
          BoundPortal p = portal;
          backend.handOff(() -> runFrom(statements, next, s, p, started));
          return;
        }
        closeCurrent(statement, portal);
        statement = null;
        portal = null;
      }
    } catch (ClientGoneException e) {
      closeCurrent(statement, portal);
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      closeCurrent(statement, portal);
      backend.sendError(e);
    }
    finish(started);
  }

  private void closeCurrent(PreparedStatement statement, BoundPortal portal) {
    if (statement == null) {
      return;
    }
    try {
      if (portal != null) {
        portal.close();
        backend.collectParameterChanges();
      }
    } finally {
      Closer.quietly(statement);
    }
  }

  /** 'F': the fast-path function call interface is not supported. */
  void refuseFunctionCall(FunctionCall call) {
    backend.sendError(backend.ownError(new SqlStateException(
        SqlState.FEATURE_NOT_SUPPORTED, "fast-path function calls are not supported")));
    finish(null);
  }

  /** Ends the implicit transaction, reports ReadyForQuery and notes the cost of the message. */
  private void finish(Started started) {
    try {
      backend.session().sync();
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      backend.sendError(e);
    }
    if (backend.session().transactionStatus() == TransactionStatus.IDLE) {
      backend.objects().closeAllPortals();
    }
    backend.readyForQuery();
    if (started != null && started.stats() != null) {
      started.stats().record(
          System.nanoTime() - started.nanos(), backend.out().rows() - started.rows());
    }
  }
}
