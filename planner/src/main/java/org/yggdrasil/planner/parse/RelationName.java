package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** Names of tables, views and indexes in DDL: optionally qualified with the {@code public} schema. */
final class RelationName {
  private RelationName() {}

  static String parse(TokenCursor c) {
    String first = c.identifier();
    if (c.accept(Token.Kind.DOT)) {
      String second = c.identifier();
      if (!first.equals("public")) {
        throw new SqlStateException(SqlState.INVALID_SCHEMA_NAME,
            "schema \"" + first + "\" does not exist", null,
            "Tables, views, indexes and sequences live in schema public only (for now).", 0, null);
      }
      return second;
    }
    return first;
  }

  static List<String> list(TokenCursor c) {
    List<String> names = new ArrayList<>();
    do {
      names.add(parse(c));
    } while (c.accept(Token.Kind.COMMA));
    return names;
  }

  /** CASCADE or RESTRICT at the end of a DROP; true for CASCADE. */
  static boolean dropBehaviour(TokenCursor c) {
    if (c.accept("cascade")) {
      return true;
    }
    c.accept("restrict");
    return false;
  }
}
