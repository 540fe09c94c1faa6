package org.yggdrasil.pgwire.session;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage;
import org.yggdrasil.pgwire.codec.FrontendMessage.Bind;
import org.yggdrasil.pgwire.codec.FrontendMessage.Close;
import org.yggdrasil.pgwire.codec.FrontendMessage.Describe;
import org.yggdrasil.pgwire.codec.FrontendMessage.Execute;
import org.yggdrasil.pgwire.codec.FrontendMessage.Flush;
import org.yggdrasil.pgwire.codec.FrontendMessage.Parse;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.planner.session.CopyIn;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.TransactionStatus;

/**
 * The extended query protocol, as PostgreSQL's {@code exec_parse_message} and friends:
 *
 * <pre>
 *   Parse    -> ParseComplete            (named statement exists: 42P05; "" is replaced)
 *   Bind     -> BindComplete             (unknown statement: 26000; "" portal is replaced)
 *   Describe S -> ParameterDescription, RowDescription | NoData
 *   Describe P -> RowDescription (with Bind's formats) | NoData
 *   Execute  -> DataRow* then CommandComplete | PortalSuspended | EmptyQueryResponse
 *   Close    -> CloseComplete            (also when there was nothing to close)
 *   Flush    -> (sends what is buffered)
 *   Sync     -> session.sync(), ParameterStatus*, ReadyForQuery
 * </pre>
 *
 * After an error: ErrorResponse, then every message up to the next Sync is discarded (the
 * {@link Backend} does the discarding). Portals are dropped when a Sync ends the transaction.
 */
final class ExtendedQueryFlow {
  private final Backend backend;

  ExtendedQueryFlow(Backend backend) {
    this.backend = backend;
  }

  void handle(FrontendMessage message) {
    try {
      switch (message) {
        case Parse p -> parse(p);
        case Bind b -> bind(b);
        case Describe d -> describe(d);
        case Execute e -> execute(e);
        case Close c -> close(c);
        case Flush f -> backend.out().flush();
        default -> throw new IllegalStateException("not an extended-protocol message: " + message);
      }
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      backend.sendError(e);
      backend.ignoreTillSync(true);
    }
  }

  private void parse(Parse parse) {
    NamedObjects objects = backend.objects();
    if (parse.name().isEmpty()) {
      // PostgreSQL drops the old unnamed statement even if the new one fails to parse.
      objects.removeStatement("");
    } else if (objects.hasStatement(parse.name())) {
      throw backend.ownError(new SqlStateException(
          SqlState.DUPLICATE_PREPARED_STATEMENT,
          "prepared statement \"" + parse.name() + "\" already exists"));
    }
    PreparedStatement statement =
        backend.session().prepare(singleStatement(parse.sql()), parse.parameterTypes());
    objects.putStatement(parse.name(), statement);
    Messages.writeParseComplete(backend.out().buffer());
  }

  /**
   * The one statement a Parse may carry. As in PostgreSQL's {@code exec_parse_message}, a
   * trailing semicolon is fine ({@code pgbench -M extended} sends one) but two statements are
   * 42601. Only text with a semicolon is split, so the common case costs nothing.
   */
  private String singleStatement(String sql) {
    if (sql.indexOf(';') < 0) {
      return sql;
    }
    List<String> statements = backend.session().splitStatements(sql);
    if (statements.size() > 1) {
      throw backend.ownError(new SqlStateException(
          SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement"));
    }
    return statements.isEmpty() ? "" : statements.get(0);
  }

  private void bind(Bind bind) {
    NamedObjects objects = backend.objects();
    PreparedStatement statement = statement(bind.statement());
    if (bind.portal().isEmpty()) {
      objects.removePortal("");
    } else if (objects.hasPortal(bind.portal())) {
      throw backend.ownError(new SqlStateException(
          SqlState.DUPLICATE_CURSOR, "cursor \"" + bind.portal() + "\" already exists"));
    }
    BoundPortal portal;
    if (statement.isEmpty()) {
      portal = BoundPortal.empty();
    } else {
      Object[] values;
      try {
        values = ParameterDecoder.decode(bind, statement.parameterTypes(), backend.format());
        ResultEncoding.resultFormats(bind.resultFormats(), statement.resultColumns());
      } catch (RuntimeException e) {
        throw backend.ownError(e);
      }
      portal = BoundPortal.of(statement.bind(values), bind.resultFormats(), backend.format());
      portal.stats(objects.stats(bind.statement()));
    }
    objects.putPortal(bind.portal(), portal);
    Messages.writeBindComplete(backend.out().buffer());
  }

  private void describe(Describe describe) {
    if (describe.kind() == 'S') {
      PreparedStatement statement = statement(describe.name());
      Messages.writeParameterDescription(backend.out().buffer(), statement.parameterTypes());
      if (statement.isEmpty() || statement.resultColumns().isEmpty()) {
        Messages.writeNoData(backend.out().buffer());
      } else {
        Messages.writeRowDescription(
            backend.out().buffer(),
            statement.resultColumns(),
            ResultEncoding.allText(statement.resultColumns().size()));
      }
    } else {
      PortalRunner.describe(backend.out(), portal(describe.name()));
    }
  }

  private void execute(Execute execute) {
    BoundPortal portal = portal(execute.portal());
    CopyIn copyIn = portal.isEmpty() ? null : portal.portal().copyIn();
    if (copyIn != null) {
      // COPY FROM STDIN: CommandComplete or the error comes when the copy ends.
      backend.noteExecuted(null, -1, 0);
      backend.copyIn().start(copyIn, ok -> backend.ignoreTillSync(!ok));
      return;
    }
    WireOutput out = backend.out();
    long start = System.nanoTime();
    long rows = out.rows();
    int more;
    try {
      more = PortalRunner.execute(out, portal, execute.maxRows(), false, backend.inlineRowCap());
    } catch (RuntimeException | Error e) {
      backend.noteExecuted(portal.stats(), -1, 0);
      backend.collectParameterChanges();
      throw e;
    }
    if (more >= 0) {
      // Stopped at the inline row cap: the worker streams the rest, with backpressure.
      backend.noteExecuted(portal.stats(), -1, 0);
      backend.handOff(() -> resumeExecute(portal, more));
      return;
    }
    backend.collectParameterChanges();
    backend.noteExecuted(portal.stats(), System.nanoTime() - start, out.rows() - rows);
  }

  /** On the worker: the rest of an Execute that an inline run stopped at its row cap. */
  private void resumeExecute(BoundPortal portal, int maxRows) {
    try {
      try {
        PortalRunner.execute(backend.out(), portal, maxRows, false, 0);
      } finally {
        backend.collectParameterChanges();
      }
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      backend.sendError(e);
      backend.ignoreTillSync(true);
    }
  }

  private void close(Close close) {
    if (close.kind() == 'S') {
      backend.objects().removeStatement(close.name());
    } else {
      backend.objects().removePortal(close.name());
    }
    Messages.writeCloseComplete(backend.out().buffer());
  }

  /** Sync: ends the implicit transaction, leaves skip mode, reports ReadyForQuery. */
  void sync() {
    backend.ignoreTillSync(false);
    long start = System.nanoTime();
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
    backend.noteSynced(System.nanoTime() - start);
  }

  private PreparedStatement statement(String name) {
    PreparedStatement statement = backend.objects().statement(name);
    if (statement == null) {
      throw backend.ownError(new SqlStateException(
          SqlState.INVALID_SQL_STATEMENT_NAME,
          name.isEmpty()
              ? "unnamed prepared statement does not exist"
              : "prepared statement \"" + name + "\" does not exist"));
    }
    return statement;
  }

  private BoundPortal portal(String name) {
    BoundPortal portal = backend.objects().portal(name);
    if (portal == null) {
      throw backend.ownError(new SqlStateException(
          SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist"));
    }
    return portal;
  }
}
