package org.yggdrasil.planner.parse;

import java.util.List;

/** What a statement is, decided from its first keywords before any real parsing. */
public enum StatementKind {
  QUERY, INSERT, UPDATE, DELETE, EXPLAIN, COPY,
  CREATE_TABLE, DROP_TABLE, TRUNCATE, ALTER_TABLE, CREATE_DATABASE, DROP_DATABASE,
  /** CREATE/DROP INDEX and VIEW: parsed by {@link DdlParser} like the table statements. */
  CREATE_INDEX, DROP_INDEX, CREATE_VIEW, DROP_VIEW, CREATE_SEQUENCE, DROP_SEQUENCE,
  CREATE_SCHEMA, DROP_SCHEMA, COMMENT,
  /** CREATE TYPE … AS ENUM, ALTER TYPE, DROP TYPE; CREATE CAST between text and an enum. */
  CREATE_TYPE, ALTER_TYPE, DROP_TYPE,
  /** CREATE SERVER / DROP SERVER: attaching and detaching systems. */
  CREATE_SERVER, DROP_SERVER,
  /** CREATE [OR REPLACE] MODEL, DROP MODEL, SHOW MODELS, DESCRIBE MODEL. */
  MODEL,
  BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO,
  SET, SHOW, RESET, DISCARD,
  /** SQL cursors: DECLARE … CURSOR, FETCH / MOVE, CLOSE. */
  DECLARE, FETCH, CLOSE,
  /** LISTEN, UNLISTEN, NOTIFY. */
  LISTEN,
  EMPTY,
  /** Recognised PostgreSQL statements Yggdrasil does not support yet: 0A000. */
  UNSUPPORTED,
  /** Anything else: handed to the SQL parser, which reports the syntax error. */
  OTHER;

  /** Classifies a single statement's text. */
  public static StatementKind of(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    if (tokens.isEmpty()) {
      return EMPTY;
    }
    Token first = tokens.get(0);
    if (first.kind() == Token.Kind.LEFT_PAREN) {
      return QUERY;
    }
    if (first.kind() != Token.Kind.WORD) {
      return OTHER;
    }
    String w1 = first.text().toLowerCase(java.util.Locale.ROOT);
    String w2 = tokens.size() > 1 ? tokens.get(1).text().toLowerCase(java.util.Locale.ROOT) : "";
    String w3 = tokens.size() > 2 ? tokens.get(2).text().toLowerCase(java.util.Locale.ROOT) : "";
    return switch (w1) {
      case "select", "with", "values", "table" -> QUERY;
      case "insert" -> INSERT;
      case "explain" -> EXPLAIN;
      case "update" -> UPDATE;
      case "delete" -> DELETE;
      case "begin", "start" -> BEGIN;
      case "commit", "end" -> COMMIT;
      case "abort" -> ROLLBACK;
      case "rollback" -> w2.equals("to") || (w2.equals("transaction") || w2.equals("work"))
          && w3.equals("to") ? ROLLBACK_TO : ROLLBACK;
      case "savepoint" -> SAVEPOINT;
      case "release" -> RELEASE;
      case "set" -> SET;
      case "show" -> w2.equals("models") ? MODEL : SHOW;
      case "describe" -> w2.equals("model") ? MODEL : OTHER;
      case "reset" -> RESET;
      case "discard" -> DISCARD;
      case "declare" -> DECLARE;
      case "fetch", "move" -> FETCH;
      case "close" -> CLOSE;
      case "truncate" -> TRUNCATE;
      case "comment" -> COMMENT;
      case "create" -> createKind(tokens);
      case "drop" -> switch (w2) {
        case "table" -> DROP_TABLE;
        case "database" -> DROP_DATABASE;
        case "index" -> DROP_INDEX;
        case "view" -> DROP_VIEW;
        case "sequence" -> DROP_SEQUENCE;
        case "schema" -> DROP_SCHEMA;
        case "type" -> DROP_TYPE;
        case "server" -> DROP_SERVER;
        case "model" -> MODEL;
        default -> UNSUPPORTED;
      };
      case "alter" -> w2.equals("table") ? ALTER_TABLE : w2.equals("type") ? ALTER_TYPE : UNSUPPORTED;
      case "listen", "notify", "unlisten" -> LISTEN;
      case "copy" -> COPY;
      case "lock", "vacuum", "analyze", "cluster",
          "prepare", "execute", "deallocate", "grant",
          "revoke", "reindex", "checkpoint", "do", "call", "merge",
          "import", "security", "refresh", "reassign", "load" -> UNSUPPORTED;
      default -> OTHER;
    };
  }

  private static StatementKind createKind(List<Token> tokens) {
    int i = 1;
    while (i < tokens.size()) {
      String w = tokens.get(i).text().toLowerCase(java.util.Locale.ROOT);
      switch (w) {
        case "temp", "temporary", "unlogged", "global", "local", "unique" -> i++;
        case "or" -> i += 2; // OR REPLACE
        case "table" -> {
          return CREATE_TABLE;
        }
        case "index" -> {
          return CREATE_INDEX;
        }
        case "view" -> {
          return CREATE_VIEW;
        }
        case "sequence" -> {
          return CREATE_SEQUENCE;
        }
        case "model" -> {
          return MODEL;
        }
        case "schema" -> {
          return i == 1 ? CREATE_SCHEMA : UNSUPPORTED;
        }
        case "type", "cast" -> {
          return i == 1 ? CREATE_TYPE : UNSUPPORTED;
        }
        case "database" -> {
          return i == 1 ? CREATE_DATABASE : UNSUPPORTED;
        }
        case "server" -> {
          return i == 1 ? CREATE_SERVER : UNSUPPORTED;
        }
        default -> {
          return UNSUPPORTED;
        }
      }
    }
    return OTHER;
  }
}
