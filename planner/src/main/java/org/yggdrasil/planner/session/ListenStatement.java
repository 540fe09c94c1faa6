package org.yggdrasil.planner.session;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.exec.StatementResult;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;

/**
 * {@code LISTEN channel}, {@code UNLISTEN channel | *}, {@code NOTIFY channel [, 'payload']}.
 * As in PostgreSQL, LISTEN and UNLISTEN take effect and NOTIFY is delivered when the
 * transaction commits; a rolled-back transaction does neither.
 */
final class ListenStatement {
  private record Pending(String verb, String channel, String payload) {}

  private final List<Pending> pending = new ArrayList<>();

  StatementResult execute(String sql) {
    TokenCursor c = new TokenCursor(sql);
    Token first = c.next();
    String verb = first.text().toLowerCase(java.util.Locale.ROOT);
    String channel;
    String payload = null;
    if (verb.equals("unlisten") && c.peek() != null && c.peek().text().equals("*")) {
      c.next();
      channel = "*";
    } else {
      channel = c.identifier();
    }
    if (verb.equals("notify") && c.accept(Token.Kind.COMMA)) {
      Token p = c.next();
      if (p.kind() != Token.Kind.STRING) {
        throw new SqlStateException(SqlState.SYNTAX_ERROR,
            "syntax error at or near \"" + p.text() + "\"");
      }
      payload = p.text().substring(1, p.text().length() - 1).replace("''", "'");
      if (payload.length() >= 8000) {
        throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, "payload string too long");
      }
    }
    pending.add(new Pending(verb, channel, payload));
    return new StatementResult(verb.toUpperCase(java.util.Locale.ROOT), List.of());
  }

  /** The transaction ended: applies (committed) or forgets what it asked for. */
  void endTransaction(boolean committed, NotificationHub hub, String database, int pid,
      java.util.function.Consumer<Notification> deliver) {
    if (committed) {
      for (Pending p : pending) {
        switch (p.verb()) {
          case "listen" -> hub.listen(database, p.channel(), pid, deliver);
          case "unlisten" -> {
            if (p.channel().equals("*")) {
              hub.unlistenAll(pid);
            } else {
              hub.unlisten(database, p.channel(), pid);
            }
          }
          default -> hub.notify(database, p.channel(), p.payload(), pid);
        }
      }
    }
    pending.clear();
  }
}
