package org.yggdrasil.pgwire.session;

import java.util.function.Consumer;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyData;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyDone;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyFail;
import org.yggdrasil.pgwire.codec.FrontendMessage.Flush;
import org.yggdrasil.pgwire.codec.FrontendMessage.Sync;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.planner.session.CopyIn;

/**
 * COPY FROM STDIN on the wire, as PostgreSQL's {@code CopyGetData}:
 *
 * <pre>
 *   (Query or Execute of a COPY FROM STDIN)  -->  CopyInResponse
 *   CopyData*                                      rows decoded and written as they come
 *   CopyDone                                 -->  CommandComplete "COPY n"
 *   CopyFail "why"                           -->  ErrorResponse 57014 "COPY from stdin failed: why"
 *   Flush, Sync                                    ignored (libpq may send them not knowing)
 *   anything else                            -->  ErrorResponse 08P01, the COPY is aborted
 * </pre>
 *
 * A bad row ends the copy at once with an ErrorResponse; the data the client is still sending
 * is then ignored ({@link #intercept} drops copy messages outside a copy, as PostgreSQL does).
 * What follows the copy — the rest of a simple Query, or waiting for Sync — is the starting
 * flow's business: it passes a continuation that learns whether the copy succeeded.
 */
final class CopyInFlow {
  private final Backend backend;
  private CopyIn copy;
  private Consumer<Boolean> then;

  CopyInFlow(Backend backend) {
    this.backend = backend;
  }

  /** Sends CopyInResponse; {@code then} runs once the copy has ended (true: it succeeded). */
  void start(CopyIn copyIn, Consumer<Boolean> after) {
    this.copy = copyIn;
    this.then = after;
    Messages.writeCopyInResponse(backend.out().buffer(), copyIn.columnCount());
    backend.out().flush();
  }

  /**
   * Backend hook, before any other dispatch: takes the messages of a running copy, and drops
   * stray copy messages when none runs.
   *
   * @return true when the message was consumed here
   */
  boolean intercept(FrontendMessage message) {
    if (copy == null) {
      return message instanceof CopyData || message instanceof CopyDone
          || message instanceof CopyFail;
    }
    try {
      switch (message) {
        case CopyData d -> copy.data(d.data());
        case CopyDone d -> {
          String tag = copy.done();
          Messages.writeCommandComplete(backend.out().buffer(), tag);
          end(true);
        }
        case CopyFail f -> throw copy.fail(f.message());
        case Flush f -> { }
        case Sync s -> { }
        default -> {
          copy.abort();
          throw new SqlStateException(SqlState.PROTOCOL_VIOLATION, String.format(
              "unexpected message type 0x%02X during COPY from stdin", typeByte(message)));
        }
      }
    } catch (ClientGoneException e) {
      copy.abort();
      copy = null;
      throw e;
    } catch (RuntimeException e) {
      backend.sendError(e);
      backend.out().flush(); // the client may still be sending: let it learn now
      end(false);
    }
    return true;
  }

  private void end(boolean ok) {
    Consumer<Boolean> after = then;
    copy = null;
    then = null;
    after.accept(ok);
  }

  /** The client went away or the session ends: the copy is dropped with the transaction. */
  void abandon() {
    if (copy != null) {
      copy.abort();
      copy = null;
      then = null;
    }
  }

  private static int typeByte(FrontendMessage m) {
    return switch (m) {
      case FrontendMessage.Query q -> 'Q';
      case FrontendMessage.Parse p -> 'P';
      case FrontendMessage.Bind b -> 'B';
      case FrontendMessage.Describe d -> 'D';
      case FrontendMessage.Execute e -> 'E';
      case FrontendMessage.Close c -> 'C';
      case FrontendMessage.FunctionCall f -> 'F';
      default -> '?';
    };
  }
}
