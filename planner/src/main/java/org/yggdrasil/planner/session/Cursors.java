package org.yggdrasil.planner.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.exec.StatementResult;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;

/**
 * A session's SQL cursors: {@code DECLARE name [BINARY] [NO SCROLL] CURSOR [WITH[OUT] HOLD] FOR
 * query}, {@code FETCH [FORWARD] [n | ALL | NEXT] [FROM | IN] name}, {@code MOVE …}, {@code
 * CLOSE name | ALL}. psycopg2's named cursors use them to stream large results. Cursors move
 * forward only. One without HOLD ends with its transaction; one WITH HOLD survives COMMIT (its
 * snapshot is immutable, so it goes on reading what it saw) but not the ROLLBACK of the
 * transaction that declared it.
 */
final class Cursors {
  private record Cursor(Portal portal, boolean hold, boolean declaredInThisTransaction,
      boolean[] done) {}

  private final Map<String, Cursor> open = new LinkedHashMap<>();

  /** DECLARE: binds the query now; rows are produced as FETCH asks for them. */
  StatementResult declare(String sql, YggSession session, boolean inBlock) {
    TokenCursor c = new TokenCursor(sql);
    c.expect("declare");
    String name = c.identifier();
    boolean hold = false;
    while (!c.atEnd() && !c.peek().is("cursor")) {
      Token t = c.next();
      if (t.is("scroll")) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "scrollable cursors are not supported", null, "Use NO SCROLL (the default).", 0,
            null);
      }
    }
    c.expect("cursor");
    if (c.accept("with")) {
      c.expect("hold");
      hold = true;
    } else if (c.accept("without")) {
      c.expect("hold");
    }
    c.expect("for");
    String query = c.rest();
    if (!hold && !inBlock) {
      throw new SqlStateException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          "DECLARE CURSOR can only be used in transaction blocks");
    }
    if (open.containsKey(name)) {
      throw new SqlStateException(SqlState.DUPLICATE_CURSOR,
          "cursor \"" + name + "\" already exists");
    }
    Portal portal = session.prepare(query, new int[0]).bind(new Object[0]);
    open.put(name, new Cursor(portal, hold, true, new boolean[1]));
    return new StatementResult("DECLARE CURSOR", List.of());
  }

  /** The parsed target of a FETCH or MOVE: cursor name and row count (0 = all). */
  record Fetch(String cursor, int count, boolean move) {}

  static Fetch parseFetch(String sql) {
    TokenCursor c = new TokenCursor(sql);
    boolean move = c.accept("move");
    if (!move) {
      c.expect("fetch");
    }
    int count = 1;
    if (c.accept("forward") || c.accept("relative")) {
      count = countOr(c, 1);
    } else if (c.accept("next")) {
      count = 1;
    } else if (c.accept("all")) {
      count = 0;
    } else if (c.peek() != null && c.peek().kind() == Token.Kind.NUMBER) {
      count = countOr(c, 1);
    } else if (c.peek() != null && (c.peek().is("prior") || c.peek().is("backward")
        || c.peek().is("first") || c.peek().is("last") || c.peek().is("absolute"))) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "cursor can only scan forward", null,
          "Declare it with the SCROLL option to enable backward scan (not supported yet).", 0,
          null);
    }
    if (!c.accept("from")) {
      c.accept("in");
    }
    String name = c.identifier();
    return new Fetch(name, count, move);
  }

  private static int countOr(TokenCursor c, int otherwise) {
    if (c.accept("all")) {
      return 0;
    }
    if (c.peek() != null && c.peek().kind() == Token.Kind.NUMBER) {
      long n = Long.parseLong(c.next().text());
      return n <= 0 ? otherwise : (int) Math.min(n, Integer.MAX_VALUE);
    }
    return otherwise;
  }

  /** The columns a FETCH from {@code name} returns (34000 if no such cursor). */
  List<ResultColumn> columns(String name) {
    return cursor(name).portal().resultColumns();
  }

  StatementResult fetch(Fetch f) {
    Cursor cursor = cursor(f.cursor());
    List<Object[]> rows = new ArrayList<>();
    if (!cursor.done()[0]) {
      cursor.done()[0] = cursor.portal().execute(f.count(), rows::add);
    }
    return new StatementResult((f.move() ? "MOVE " : "FETCH ") + rows.size(),
        f.move() ? List.of() : rows);
  }

  StatementResult close(String sql) {
    TokenCursor c = new TokenCursor(sql);
    c.expect("close");
    if (c.accept("all")) {
      closeWhere(cursor -> true);
    } else {
      String name = c.identifier();
      cursor(name).portal().close();
      open.remove(name);
    }
    return new StatementResult("CLOSE CURSOR", List.of());
  }

  /** Transaction end: cursors without HOLD go; so do those the rolled-back transaction made. */
  void endTransaction(boolean committed) {
    closeWhere(c -> !c.hold() || !committed && c.declaredInThisTransaction());
    open.replaceAll((name, c) -> new Cursor(c.portal(), c.hold(), false, c.done()));
  }

  void closeAll() {
    closeWhere(c -> true);
  }

  private void closeWhere(java.util.function.Predicate<Cursor> which) {
    open.values().removeIf(c -> {
      if (which.test(c)) {
        c.portal().close();
        return true;
      }
      return false;
    });
  }

  private Cursor cursor(String name) {
    Cursor c = open.get(name);
    if (c == null) {
      throw new SqlStateException(SqlState.INVALID_CURSOR_NAME,
          "cursor \"" + name + "\" does not exist");
    }
    return c;
  }
}
