package org.yggdrasil.pgwire.session;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage.FunctionCall;
import org.yggdrasil.pgwire.codec.FrontendMessage.Query;
import org.yggdrasil.pgwire.codec.Messages;
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
    try {
      List<String> statements = backend.session().splitStatements(query.sql());
      if (statements.isEmpty()) {
        Messages.writeEmptyQueryResponse(backend.out().buffer());
      }
      for (String sql : statements) {
        runStatement(sql);
      }
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      backend.sendError(e);
    }
    finish();
  }

  private void runStatement(String sql) {
    PreparedStatement statement = backend.session().prepare(sql, NO_PARAMETER_TYPES);
    try {
      if (statement.isEmpty()) {
        Messages.writeEmptyQueryResponse(backend.out().buffer());
        return;
      }
      BoundPortal portal =
          BoundPortal.of(statement.bind(NO_PARAMETERS), NO_FORMATS, backend.format());
      try {
        if (!portal.columns().isEmpty()) {
          PortalRunner.describe(backend.out(), portal);
        }
        PortalRunner.execute(backend.out(), portal, 0, true);
      } finally {
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
    finish();
  }

  /** Ends the implicit transaction and reports ReadyForQuery. */
  private void finish() {
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
  }
}
