package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.CheckDef;
import org.yggdrasil.storage.nativestore.ForeignKeyDef;

/**
 * Parses the FOREIGN KEY ({@code REFERENCES …}) and CHECK constraint clauses of CREATE TABLE and
 * ALTER TABLE ADD CONSTRAINT, and makes PostgreSQL's default constraint names.
 */
final class ConstraintParser {
  private ConstraintParser() {}

  /**
   * After {@code REFERENCES}: {@code parent [(cols)] [MATCH …] [ON DELETE a] [ON UPDATE a]
   * [[NOT] DEFERRABLE] [INITIALLY …]}. An empty referenced column list means the parent's primary key.
   */
  static ForeignKeyDef references(TokenCursor c, String name, List<String> columns) {
    String parent = RelationName.parse(c);
    List<String> refColumns = List.of();
    if (c.peek() != null && c.peek().kind() == Token.Kind.LEFT_PAREN) {
      refColumns = c.identifierList();
    }
    ForeignKeyDef.Action onDelete = ForeignKeyDef.Action.NO_ACTION;
    ForeignKeyDef.Action onUpdate = ForeignKeyDef.Action.NO_ACTION;
    while (true) {
      if (c.accept("match")) {
        if (!c.accept("simple")) {
          throw unsupported("MATCH " + c.peek().text().toUpperCase(java.util.Locale.ROOT));
        }
      } else if (c.acceptAll("on", "delete")) {
        onDelete = action(c);
      } else if (c.acceptAll("on", "update")) {
        onUpdate = action(c);
      } else if (c.acceptAll("not", "deferrable") || c.acceptAll("initially", "immediate")) {
        // the default behaviour
      } else if (c.accept("deferrable") || c.acceptAll("initially", "deferred")) {
        throw unsupported("DEFERRABLE foreign keys");
      } else {
        break;
      }
    }
    return new ForeignKeyDef(name, columns, parent, refColumns, onDelete, onUpdate);
  }

  private static ForeignKeyDef.Action action(TokenCursor c) {
    if (c.acceptAll("no", "action")) {
      return ForeignKeyDef.Action.NO_ACTION;
    }
    if (c.accept("restrict")) {
      return ForeignKeyDef.Action.RESTRICT;
    }
    if (c.accept("cascade")) {
      return ForeignKeyDef.Action.CASCADE;
    }
    if (c.acceptAll("set", "null")) {
      return ForeignKeyDef.Action.SET_NULL;
    }
    if (c.acceptAll("set", "default")) {
      throw unsupported("ON DELETE/UPDATE SET DEFAULT");
    }
    throw c.unexpected();
  }

  /** After {@code CHECK}: {@code (expr) [NO INHERIT]}; returns the expression's text. */
  static String check(TokenCursor c) {
    c.expect(Token.Kind.LEFT_PAREN);
    String text = c.expressionUntil(t -> false);
    c.expect(Token.Kind.RIGHT_PAREN);
    c.acceptAll("no", "inherit");
    return text;
  }

  /** PostgreSQL's default FOREIGN KEY name: {@code table_col1_col2_fkey}. */
  static String foreignKeyName(String table, List<String> columns) {
    return table + "_" + String.join("_", columns) + "_fkey";
  }

  /**
   * PostgreSQL's default CHECK name: {@code table_col_check} when the expression names exactly one
   * of the table's columns, else {@code table_check}; a number is appended while the name is in
   * {@code taken} ({@code table_check1}, …).
   */
  static String checkName(String table, List<String> columnNames, String expression, Set<String> taken) {
    TokenCursor c = new TokenCursor(expression);
    Set<String> named = new LinkedHashSet<>();
    while (!c.atEnd()) {
      Token t = c.next();
      if ((t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER)
          && columnNames.contains(t.identifier())) {
        named.add(t.identifier());
      }
    }
    String base = named.size() == 1 ? table + "_" + named.iterator().next() + "_check" : table + "_check";
    String name = base;
    for (int i = 1; taken.contains(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** Names the CHECKs of a CREATE TABLE ({@code {name or null, expression}} each) in order. */
  static List<CheckDef> checkDefs(String table, List<String> columnNames, List<String[]> checks) {
    Set<String> taken = new HashSet<>();
    for (String[] ch : checks) {
      if (ch[0] != null) {
        taken.add(ch[0]);
      }
    }
    List<CheckDef> out = new ArrayList<>();
    for (String[] ch : checks) {
      String name = ch[0] != null ? ch[0] : checkName(table, columnNames, ch[1], taken);
      taken.add(name);
      out.add(new CheckDef(name, ch[1]));
    }
    return out;
  }

  private static SqlStateException unsupported(String what) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
  }
}
