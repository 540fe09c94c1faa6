package org.yggdrasil.planner.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yggdrasil.planner.exec.StatementResult;
import org.yggdrasil.planner.parse.StatementKind;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;

/**
 * Session and transaction statements, which PostgreSQL clients send constantly and Calcite does
 * not execute: SET / SHOW / RESET / DISCARD, BEGIN / COMMIT / ROLLBACK, SAVEPOINT / RELEASE /
 * ROLLBACK TO. Each parses into a small value that runs against the session.
 */
sealed interface UtilityStatement {

  /** Columns of the rows the statement returns (SHOW); empty otherwise. */
  default List<ResultColumn> columns() {
    return List.of();
  }

  /** Transaction control statements are allowed in a failed transaction block. */
  default boolean allowedWhenFailed() {
    return false;
  }

  StatementResult execute(YggSession session);

  record Set(String name, String value, boolean local) implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      s.set(name, value, local);
      return StatementResult.of("SET");
    }
  }

  record Reset(String name) implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      s.reset(name);
      return StatementResult.of("RESET");
    }
  }

  record Show(String name) implements UtilityStatement {
    @Override
    public List<ResultColumn> columns() {
      if (name == null) {
        return List.of(ResultColumn.computed("name", PgOid.TEXT),
            ResultColumn.computed("setting", PgOid.TEXT),
            ResultColumn.computed("description", PgOid.TEXT));
      }
      Setting s = SettingsRegistry.find(name);
      return List.of(ResultColumn.computed(s == null ? name : s.name().toLowerCase(
          java.util.Locale.ROOT), PgOid.TEXT));
    }

    @Override
    public StatementResult execute(YggSession s) {
      if (name == null) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : s.settings().all().entrySet()) {
          Setting def = SettingsRegistry.find(e.getKey());
          rows.add(new Object[] {e.getKey(), e.getValue(), def == null ? "" : def.description()});
        }
        return new StatementResult("SHOW", rows);
      }
      return new StatementResult("SHOW", List.<Object[]>of(new Object[] {s.show(name)}));
    }
  }

  record Discard() implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      s.discardAll();
      return StatementResult.of("DISCARD ALL");
    }
  }

  record Begin(boolean readOnly, boolean readWrite, String tag) implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      s.transaction().begin(readOnly, readWrite);
      return StatementResult.of(tag);
    }
  }

  record Commit() implements UtilityStatement {
    @Override
    public boolean allowedWhenFailed() {
      return true;
    }

    @Override
    public StatementResult execute(YggSession s) {
      return StatementResult.of(s.transaction().commit());
    }
  }

  record Rollback() implements UtilityStatement {
    @Override
    public boolean allowedWhenFailed() {
      return true;
    }

    @Override
    public StatementResult execute(YggSession s) {
      s.transaction().rollback();
      return StatementResult.of("ROLLBACK");
    }
  }

  record SavepointStatement(String name) implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      s.transaction().savepoint(name);
      return StatementResult.of("SAVEPOINT");
    }
  }

  record RollbackTo(String name) implements UtilityStatement {
    @Override
    public boolean allowedWhenFailed() {
      return true;
    }

    @Override
    public StatementResult execute(YggSession s) {
      s.transaction().rollbackTo(name);
      return StatementResult.of("ROLLBACK");
    }
  }

  record Release(String name) implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      s.transaction().release(name);
      return StatementResult.of("RELEASE");
    }
  }

  /** Statements accepted for compatibility that change nothing here (SET TRANSACTION …). */
  record NoOp(String tag) implements UtilityStatement {
    @Override
    public StatementResult execute(YggSession s) {
      return StatementResult.of(tag);
    }
  }

  /** Parses a statement of one of the utility kinds. */
  static UtilityStatement parse(StatementKind kind, String sql) {
    TokenCursor c = new TokenCursor(sql);
    UtilityStatement result = switch (kind) {
      case SET -> parseSet(c);
      case SHOW -> parseShow(c);
      case RESET -> parseReset(c);
      case DISCARD -> {
        c.expect("discard");
        if (!(c.accept("all") || c.accept("plans") || c.accept("sequences") || c.accept("temp")
            || c.accept("temporary"))) {
          throw c.unexpected();
        }
        yield new Discard();
      }
      case BEGIN -> parseBegin(c);
      case COMMIT -> {
        c.next();
        skipWorkOrTransaction(c);
        c.acceptAll("and", "no", "chain");
        yield new Commit();
      }
      case ROLLBACK -> {
        c.next();
        skipWorkOrTransaction(c);
        c.acceptAll("and", "no", "chain");
        yield new Rollback();
      }
      case ROLLBACK_TO -> {
        c.expect("rollback");
        skipWorkOrTransaction(c);
        c.expect("to");
        c.accept("savepoint");
        yield new RollbackTo(c.identifier());
      }
      case SAVEPOINT -> {
        c.expect("savepoint");
        yield new SavepointStatement(c.identifier());
      }
      case RELEASE -> {
        c.expect("release");
        c.accept("savepoint");
        yield new Release(c.identifier());
      }
      default -> throw new IllegalArgumentException(kind.name());
    };
    if (!c.atEnd()) {
      throw c.unexpected();
    }
    return result;
  }

  private static void skipWorkOrTransaction(TokenCursor c) {
    if (!c.accept("work")) {
      c.accept("transaction");
    }
  }

  private static UtilityStatement parseBegin(TokenCursor c) {
    String tag = "BEGIN";
    if (c.accept("start")) {
      c.expect("transaction");
      tag = "START TRANSACTION";
    } else {
      c.expect("begin");
      skipWorkOrTransaction(c);
    }
    boolean[] rw = transactionModes(c);
    return new Begin(rw[0], rw[1], tag);
  }

  /** ISOLATION LEVEL …, READ ONLY / READ WRITE, [NOT] DEFERRABLE; returns {readOnly, readWrite}. */
  private static boolean[] transactionModes(TokenCursor c) {
    boolean[] rw = new boolean[2];
    while (!c.atEnd()) {
      if (c.acceptAll("isolation", "level")) {
        if (c.accept("serializable")) {
          continue;
        }
        if (c.acceptAll("repeatable", "read") || c.acceptAll("read", "committed")
            || c.acceptAll("read", "uncommitted")) {
          continue;
        }
        throw c.unexpected();
      } else if (c.acceptAll("read", "only")) {
        rw[0] = true;
        rw[1] = false;
      } else if (c.acceptAll("read", "write")) {
        rw[1] = true;
        rw[0] = false;
      } else if (c.accept("deferrable") || c.acceptAll("not", "deferrable")) {
        continue;
      } else if (c.accept(Token.Kind.COMMA)) {
        continue;
      } else {
        throw c.unexpected();
      }
    }
    return rw;
  }

  private static UtilityStatement parseSet(TokenCursor c) {
    c.expect("set");
    boolean local = false;
    if (c.accept("local")) {
      local = true;
    } else {
      c.accept("session");
    }
    if (c.acceptAll("characteristics", "as", "transaction") || c.accept("transaction")) {
      transactionModes(c);
      return new NoOp("SET");
    }
    if (c.acceptAll("time", "zone")) {
      String v = c.accept("local") || c.accept("default") ? null : value(c);
      return v == null ? new Reset("TimeZone") : new Set("TimeZone", v, local);
    }
    if (c.accept("names")) {
      return new Set("client_encoding", value(c), local);
    }
    if (c.acceptAll("session", "authorization") || c.accept("role")) {
      value(c);
      return new NoOp("SET");
    }
    String name = settingName(c);
    if (!c.accept("to")) {
      Token t = c.next();
      if (!t.text().equals("=")) {
        throw new org.yggdrasil.catalog.error.SqlStateException(
            org.yggdrasil.catalog.error.SqlState.SYNTAX_ERROR,
            "syntax error at or near \"" + t.text() + "\"", null, null, t.start() + 1, null);
      }
    }
    if (c.accept("default")) {
      return new Reset(name);
    }
    List<String> values = new ArrayList<>();
    do {
      values.add(value(c));
    } while (c.accept(Token.Kind.COMMA));
    return new Set(name, String.join(", ", values), local);
  }

  private static UtilityStatement parseShow(TokenCursor c) {
    c.expect("show");
    if (c.accept("all")) {
      return new Show(null);
    }
    if (c.acceptAll("time", "zone")) {
      return new Show("TimeZone");
    }
    if (c.acceptAll("transaction", "isolation", "level")) {
      return new Show("transaction_isolation");
    }
    if (c.acceptAll("session", "authorization")) {
      return new Show("session_authorization");
    }
    return new Show(settingName(c));
  }

  private static UtilityStatement parseReset(TokenCursor c) {
    c.expect("reset");
    if (c.accept("all")) {
      return new Reset(null);
    }
    if (c.acceptAll("time", "zone")) {
      return new Reset("TimeZone");
    }
    if (c.acceptAll("session", "authorization") || c.accept("role")) {
      return new NoOp("RESET");
    }
    return new Reset(settingName(c));
  }

  /** A setting name, possibly dotted (custom settings such as {@code ygg.branch}). */
  private static String settingName(TokenCursor c) {
    StringBuilder name = new StringBuilder(c.identifier());
    while (c.accept(Token.Kind.DOT)) {
      name.append('.').append(c.identifier());
    }
    return name.toString();
  }

  /** One value of a SET: a string literal, a number, or a word. */
  private static String value(TokenCursor c) {
    Token t = c.next();
    return switch (t.kind()) {
      case STRING -> unquote(t.text());
      case NUMBER -> t.text();
      case OPERATOR -> {
        if (t.text().equals("-") || t.text().equals("+")) {
          yield t.text() + c.next().text();
        }
        throw c.unexpected();
      }
      case WORD -> t.text();
      case QUOTED_IDENTIFIER -> t.identifier();
      default -> throw new org.yggdrasil.catalog.error.SqlStateException(
          org.yggdrasil.catalog.error.SqlState.SYNTAX_ERROR,
          "syntax error at or near \"" + t.text() + "\"", null, null, t.start() + 1, null);
    };
  }

  /** The value of a string literal token ('…', E'…' or $$…$$). */
  static String unquote(String literal) {
    return org.yggdrasil.planner.parse.StringLiteral.value(literal);
  }
}
