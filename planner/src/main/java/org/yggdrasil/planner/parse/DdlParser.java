package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.CheckDef;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.ForeignKeyDef;
import org.yggdrasil.storage.nativestore.KeyNames;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * Parses PostgreSQL's CREATE TABLE, DROP TABLE, TRUNCATE and ALTER TABLE into {@link
 * DdlStatement}s. Constraints not supported yet (EXCLUDE, …) are refused with 0A000 rather than
 * silently ignored.
 */
public final class DdlParser {
  private final TokenCursor c;
  /** The serial and identity columns seen so far. */
  private final List<DdlStatement.Identity> identities = new ArrayList<>();
  /** The FOREIGN KEY constraints of the CREATE TABLE being parsed. */
  private final List<ForeignKeyDef> foreignKeys = new ArrayList<>();
  /** The CHECK constraints (name or null for the default, expression) of the CREATE TABLE being parsed. */
  private final List<String[]> checks = new ArrayList<>();
  /** CONSTRAINT names of the primary key and of each unique key (null: the default name). */
  private String primaryKeyName;
  private final List<String> uniqueKeyNames = new ArrayList<>();
  private String creating;

  private DdlParser(String sql) {
    this.c = new TokenCursor(sql);
  }

  public static DdlStatement parse(String sql) {
    DdlParser p = new DdlParser(sql);
    DdlStatement s = p.statement();
    p.c.accept(Token.Kind.SEMICOLON);
    if (!p.c.atEnd()) {
      throw p.c.unexpected();
    }
    return s;
  }

  private DdlStatement statement() {
    if (c.accept("create")) {
      boolean orReplace = c.acceptAll("or", "replace");
      while (c.accept("temp") || c.accept("temporary") || c.accept("unlogged")) {
        // Temporary and unlogged tables are ordinary versioned tables here.
      }
      if (c.accept("view")) {
        return ViewDdlParser.create(c, orReplace);
      }
      if (c.accept("sequence")) {
        return SequenceDdlParser.create(c);
      }
      if (c.accept("schema")) {
        return CommentSchemaParser.createSchema(c);
      }
      if (c.accept("type")) {
        return TypeDdlParser.create(c);
      }
      if (c.accept("cast")) {
        return TypeDdlParser.createCast(c);
      }
      boolean unique = c.accept("unique");
      if (c.accept("index")) {
        return IndexDdlParser.create(c, unique);
      }
      c.expect("table");
      return createTable();
    }
    if (c.accept("drop")) {
      if (c.accept("index")) {
        return IndexDdlParser.drop(c);
      }
      if (c.accept("view")) {
        return ViewDdlParser.drop(c);
      }
      if (c.accept("sequence")) {
        return SequenceDdlParser.drop(c);
      }
      if (c.accept("schema")) {
        return CommentSchemaParser.dropSchema(c);
      }
      if (c.accept("type")) {
        return TypeDdlParser.drop(c);
      }
      c.expect("table");
      boolean ifExists = c.acceptAll("if", "exists");
      List<String> names = nameList();
      return new DdlStatement.DropTable(names, ifExists, RelationName.dropBehaviour(c));
    }
    if (c.acceptAll("comment", "on")) {
      return CommentSchemaParser.comment(c);
    }
    if (c.accept("truncate")) {
      c.accept("table");
      c.accept("only");
      List<String> names = nameList();
      if (!c.acceptAll("restart", "identity")) {
        c.acceptAll("continue", "identity");
      }
      if (!c.accept("cascade")) {
        c.accept("restrict");
      }
      return new DdlStatement.Truncate(names);
    }
    c.expect("alter");
    if (c.accept("type")) {
      return TypeDdlParser.alter(c);
    }
    c.expect("table");
    boolean ifExists = c.acceptAll("if", "exists");
    c.accept("only");
    String table = tableName();
    List<DdlStatement> actions = new ArrayList<>();
    do {
      actions.add(AlterTableParser.handles(c) ? AlterTableParser.parse(c, table) : alterTable(table));
    } while (c.accept(Token.Kind.COMMA));
    DdlStatement alter = actions.size() == 1 ? actions.get(0) : new DdlStatement.AlterActions(actions);
    return ifExists ? new DdlStatement.IfTableExists(table, alter) : alter;
  }

  private DdlStatement alterTable(String table) {
    if (c.accept("add")) {
      c.accept("column");
      boolean ifNotExists = c.acceptAll("if", "not", "exists");
      List<String> pk = new ArrayList<>();
      List<List<String>> unique = new ArrayList<>();
      creating = table;
      ColumnDef col = column(pk, unique);
      if (!foreignKeys.isEmpty() || !checks.isEmpty()) {
        throw unsupported("adding a column with a FOREIGN KEY or CHECK constraint with ALTER TABLE");
      }
      if (!pk.isEmpty() || !unique.isEmpty()) {
        throw unsupported("adding a PRIMARY KEY or UNIQUE column with ALTER TABLE");
      }
      if (!identities.isEmpty()) {
        throw unsupported("adding a serial or identity column with ALTER TABLE");
      }
      return new DdlStatement.AddColumn(table, col, ifNotExists);
    }
    if (c.accept("drop")) {
      c.accept("column");
      boolean ifExists = c.acceptAll("if", "exists");
      String col = c.identifier();
      if (!c.accept("cascade")) {
        c.accept("restrict");
      }
      return new DdlStatement.DropColumn(table, col, ifExists);
    }
    if (c.accept("rename")) {
      if (c.accept("to")) {
        return new DdlStatement.RenameTable(table, c.identifier());
      }
      c.accept("column");
      String from = c.identifier();
      c.expect("to");
      return new DdlStatement.RenameColumn(table, from, c.identifier());
    }
    throw unsupported("this form of ALTER TABLE");
  }

  private DdlStatement createTable() {
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    String name = tableName();
    creating = name;
    if (c.peek() != null && c.peek().is("as")) {
      throw unsupported("CREATE TABLE … AS");
    }
    c.expect(Token.Kind.LEFT_PAREN);
    List<ColumnDef> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    List<List<String>> uniqueKeys = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    do {
      if (c.peek() != null && c.peek().kind() == Token.Kind.RIGHT_PAREN) {
        break;
      }
      if (isTableConstraintStart()) {
        tableConstraint(primaryKey, uniqueKeys);
      } else {
        ColumnDef col = column(primaryKey, uniqueKeys);
        if (!seen.add(col.name())) {
          throw new SqlStateException(SqlState.DUPLICATE_COLUMN,
              "column \"" + col.name() + "\" specified more than once");
        }
        columns.add(col);
      }
    } while (c.accept(Token.Kind.COMMA));
    c.expect(Token.Kind.RIGHT_PAREN);
    while (!c.atEnd()) {
      // WITH (…) storage parameters, TABLESPACE, ON COMMIT: accepted and ignored.
      if (c.accept("with") || c.accept("without")) {
        if (!c.accept("oids")) {
          c.skipParenthesised();
        }
      } else if (c.accept("tablespace")) {
        c.identifier();
      } else if (c.accept("on")) {
        c.expect("commit");
        c.next();
        c.accept("rows");
      } else {
        throw c.unexpected();
      }
    }
    for (String pk : primaryKey) {
      if (!seen.contains(pk)) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
            "column \"" + pk + "\" named in key does not exist");
      }
    }
    List<ColumnDef> finalColumns = new ArrayList<>();
    for (ColumnDef col : columns) {
      boolean inPk = primaryKey.contains(col.name());
      finalColumns.add(inPk && !col.notNull()
          ? col.withNotNull(true) : col);
    }
    List<String> columnNames = finalColumns.stream().map(ColumnDef::name).toList();
    List<CheckDef> checkDefs = ConstraintParser.checkDefs(name, columnNames, checks);
    return new DdlStatement.CreateTable(new TableSchema(name, finalColumns, primaryKey, uniqueKeys,
        List.of(), foreignKeys, checkDefs), ifNotExists, identities,
        new KeyNames(primaryKeyName, uniqueKeyNames));
  }

  private boolean isTableConstraintStart() {
    Token t = c.peek();
    return t != null && (t.is("constraint") || t.is("primary") || t.is("unique")
        || t.is("check") || t.is("foreign") || t.is("exclude"));
  }

  private void tableConstraint(List<String> primaryKey, List<List<String>> uniqueKeys) {
    String constraint = c.accept("constraint") ? c.identifier() : null;
    if (c.acceptAll("foreign", "key")) {
      List<String> cols = c.identifierList();
      c.expect("references");
      foreignKeys.add(ConstraintParser.references(c,
          constraint != null ? constraint : ConstraintParser.foreignKeyName(creating, cols), cols));
    } else if (c.accept("check")) {
      checks.add(new String[] {constraint, ConstraintParser.check(c)});
    } else if (c.acceptAll("primary", "key")) {
      if (!primaryKey.isEmpty()) {
        throw new SqlStateException(SqlState.INVALID_TABLE_DEFINITION,
            "multiple primary keys for table are not allowed");
      }
      primaryKey.addAll(c.identifierList());
      primaryKeyName = constraint;
    } else if (c.accept("unique")) {
      uniqueKeys.add(c.identifierList());
      uniqueKeyNames.add(constraint);
    } else {
      throw unsupported(c.peek().text().toUpperCase(java.util.Locale.ROOT) + " constraints");
    }
  }

  private ColumnDef column(List<String> primaryKey, List<List<String>> uniqueKeys) {
    String name = c.identifier();
    String serial = serialType(c.peek());
    TypeName type;
    boolean notNull = false;
    if (serial != null) {
      c.next();
      type = new TypeName(switch (serial) {
        case "smallint" -> ColumnType.INT2;
        case "integer" -> ColumnType.INT4;
        default -> ColumnType.INT8;
      }, -1, -1);
      identities.add(new DdlStatement.Identity(name, new SequenceOptions(serial, null, null, null,
          null, null, null)));
      notNull = true;
    } else {
      type = TypeName.parse(c);
    }
    String defaultSql = null;
    String constraint = null;
    while (!c.atEnd() && c.peek().kind() != Token.Kind.COMMA
        && c.peek().kind() != Token.Kind.RIGHT_PAREN) {
      if (c.accept("constraint")) {
        constraint = c.identifier();
        continue;
      } else if (c.accept("references")) {
        foreignKeys.add(ConstraintParser.references(c,
            constraint != null ? constraint : ConstraintParser.foreignKeyName(creating, List.of(name)),
            List.of(name)));
      } else if (c.accept("check")) {
        String expr = ConstraintParser.check(c);
        checks.add(new String[] {constraint, expr});
      } else if (c.acceptAll("not", "null")) {
        notNull = true;
      } else if (c.accept("null")) {
        notNull = false;
      } else if (c.acceptAll("primary", "key")) {
        if (!primaryKey.isEmpty()) {
          throw new SqlStateException(SqlState.INVALID_TABLE_DEFINITION,
              "multiple primary keys for table are not allowed");
        }
        primaryKey.add(name);
        primaryKeyName = constraint;
        notNull = true;
      } else if (c.accept("unique")) {
        uniqueKeys.add(List.of(name));
        uniqueKeyNames.add(constraint);
      } else if (c.accept("default")) {
        defaultSql = defaultExpression();
      } else if (c.accept("generated")) {
        if (!c.accept("always")) {
          c.expect("by");
          c.expect("default");
        }
        c.expect("as");
        if (!c.accept("identity")) {
          throw unsupported("generated columns (GENERATED ALWAYS AS (…) STORED)");
        }
        SequenceOptions options = SequenceOptions.DEFAULTS;
        if (c.accept(Token.Kind.LEFT_PAREN)) {
          options = SequenceOptions.parse(c);
          c.expect(Token.Kind.RIGHT_PAREN);
        }
        identities.add(new DdlStatement.Identity(name, options));
        notNull = true;
      } else if (c.accept("collate")) {
        c.identifier();
        while (c.accept(Token.Kind.DOT)) {
          c.identifier();
        }
      } else {
        throw unsupported("column constraint " + c.peek().text().toUpperCase(java.util.Locale.ROOT));
      }
      constraint = null;
    }
    return new ColumnDef(name, type.type(), type.length(), type.scale(), notNull, defaultSql,
        type.userType() == null ? null : new org.yggdrasil.storage.nativestore.UserType(type.userType(), 0));
  }

  /** The sequence type of a serial pseudo-type name, or null. */
  private static String serialType(Token t) {
    if (t == null || t.kind() != Token.Kind.WORD) {
      return null;
    }
    return switch (t.text().toLowerCase(java.util.Locale.ROOT)) {
      case "serial", "serial4" -> "integer";
      case "bigserial", "serial8" -> "bigint";
      case "smallserial", "serial2" -> "smallint";
      default -> null;
    };
  }

  /** The text of a DEFAULT expression: tokens up to the next constraint keyword or comma. */
  private String defaultExpression() {
    return c.expressionUntil(t -> t.kind() == Token.Kind.COMMA || t.is("not") || t.is("null")
        || t.is("primary") || t.is("unique") || t.is("constraint") || t.is("check")
        || t.is("references") || t.is("collate") || t.is("generated"));
  }

  private List<String> nameList() {
    List<String> names = new ArrayList<>();
    do {
      names.add(tableName());
    } while (c.accept(Token.Kind.COMMA));
    return names;
  }

  /** A table name, optionally qualified with the {@code public} schema. */
  private String tableName() {
    return RelationName.parse(c);
  }

  private static SqlStateException unsupported(String what) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
  }
}
