package org.yggdrasil.planner.session;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.exec.StatementResult;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;

/**
 * CREATE DATABASE and DROP DATABASE. Options PostgreSQL accepts (OWNER, TEMPLATE, ENCODING,
 * LC_COLLATE …) are accepted and ignored: every database here is UTF8 with C collation.
 *
 * @param create true for CREATE, false for DROP
 * @param name the database
 * @param ifExists DROP … IF EXISTS
 */
record DatabaseStatement(boolean create, String name, boolean ifExists) {

  static DatabaseStatement parse(String sql) {
    TokenCursor c = new TokenCursor(sql);
    boolean create = c.accept("create");
    if (!create) {
      c.expect("drop");
    }
    c.expect("database");
    boolean ifExists = !create && c.acceptAll("if", "exists");
    String name = c.identifier();
    if (create) {
      c.accept("with");
      while (!c.atEnd()) {
        c.identifier();
        c.accept(Token.Kind.OPERATOR);
        Token value = c.next();
        if (value.kind() == Token.Kind.SEMICOLON) {
          break;
        }
      }
    } else if (!c.atEnd()) {
      c.accept("with");
      c.expect(Token.Kind.LEFT_PAREN);
      c.expect("force");
      c.expect(Token.Kind.RIGHT_PAREN);
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "DROP DATABASE … WITH (FORCE) is not supported yet");
    }
    if (!c.atEnd()) {
      throw c.unexpected();
    }
    return new DatabaseStatement(create, name, ifExists);
  }

  StatementResult execute(YggSession session, DatabaseAdmin admin) {
    if (session.transaction().inBlock()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          (create ? "CREATE" : "DROP") + " DATABASE cannot run inside a transaction block");
    }
    if (create) {
      admin.createDatabase(name);
      return StatementResult.of("CREATE DATABASE");
    }
    admin.dropDatabase(name, ifExists, session.processId());
    return StatementResult.of("DROP DATABASE");
  }
}
