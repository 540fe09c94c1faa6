package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE / RENAME VALUE and DROP TYPE, PostgreSQL 15
 * syntax. The other kinds of CREATE TYPE (composite, range, base) are refused with 0A000.
 */
final class TypeDdlParser {
  private TypeDdlParser() {}

  /** After CREATE TYPE. */
  static DdlStatement.CreateEnum create(TokenCursor c) {
    String name = RelationName.parse(c);
    c.expect("as");
    if (!c.accept("enum")) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "only enum types (CREATE TYPE name AS ENUM (…)) are supported yet");
    }
    c.expect(Token.Kind.LEFT_PAREN);
    List<String> labels = new ArrayList<>();
    if (!c.accept(Token.Kind.RIGHT_PAREN)) {
      do {
        labels.add(string(c));
      } while (c.accept(Token.Kind.COMMA));
      c.expect(Token.Kind.RIGHT_PAREN);
    }
    return new DdlStatement.CreateEnum(name, labels);
  }

  /**
   * After CREATE CAST: {@code (source AS target) WITH INOUT [AS IMPLICIT | AS ASSIGNMENT]}, the
   * form Hibernate sends for its named enums. Other cast definitions are refused with 0A000.
   */
  static DdlStatement.CreateCast createCast(TokenCursor c) {
    c.expect(Token.Kind.LEFT_PAREN);
    TypeName source = TypeName.parse(c);
    c.expect("as");
    TypeName target = TypeName.parse(c);
    c.expect(Token.Kind.RIGHT_PAREN);
    if (!c.acceptAll("with", "inout")) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "only CREATE CAST … WITH INOUT between text types and enum types is supported");
    }
    if (c.accept("as") && !c.accept("implicit")) {
      c.expect("assignment");
    }
    return new DdlStatement.CreateCast(source, target);
  }

  /** After ALTER TYPE. */
  static DdlStatement alter(TokenCursor c) {
    String name = RelationName.parse(c);
    if (c.accept("add")) {
      c.expect("value");
      boolean ifNotExists = c.acceptAll("if", "not", "exists");
      String label = string(c);
      String neighbour = null;
      boolean before = false;
      if (c.accept("before")) {
        before = true;
        neighbour = string(c);
      } else if (c.accept("after")) {
        neighbour = string(c);
      }
      return new DdlStatement.AddEnumValue(name, label, ifNotExists, neighbour, before);
    }
    if (c.acceptAll("rename", "value")) {
      String from = string(c);
      c.expect("to");
      return new DdlStatement.RenameEnumValue(name, from, string(c));
    }
    throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
        "only ALTER TYPE … ADD VALUE and RENAME VALUE are supported yet");
  }

  /** After DROP TYPE. */
  static DdlStatement.DropType drop(TokenCursor c) {
    boolean ifExists = c.acceptAll("if", "exists");
    List<String> names = RelationName.list(c);
    return new DdlStatement.DropType(names, ifExists, RelationName.dropBehaviour(c));
  }

  private static String string(TokenCursor c) {
    Token t = c.next();
    if (t == null || t.kind() != Token.Kind.STRING) {
      c.reset(c.index() - 1);
      throw c.unexpected();
    }
    return StringLiteral.value(t.text());
  }
}
