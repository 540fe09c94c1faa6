package org.yggdrasil.planner.parse;

/** CREATE SEQUENCE and DROP SEQUENCE, PostgreSQL 15 syntax (CYCLE is refused with 0A000). */
final class SequenceDdlParser {
  private SequenceDdlParser() {}

  /** After CREATE [TEMP] SEQUENCE. */
  static DdlStatement.CreateSequence create(TokenCursor c) {
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    String name = RelationName.parse(c);
    return new DdlStatement.CreateSequence(name, SequenceOptions.parse(c), ifNotExists);
  }

  /** After DROP SEQUENCE. */
  static DdlStatement.DropSequence drop(TokenCursor c) {
    boolean ifExists = c.acceptAll("if", "exists");
    var names = RelationName.list(c);
    boolean cascade = RelationName.dropBehaviour(c);
    return new DdlStatement.DropSequence(names, ifExists, cascade);
  }
}
