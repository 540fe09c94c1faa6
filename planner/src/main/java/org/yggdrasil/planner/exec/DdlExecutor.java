package org.yggdrasil.planner.exec;

import java.util.List;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/** Applies parsed DDL to the session's transaction: DDL is versioned like data. */
public final class DdlExecutor {
  private DdlExecutor() {}

  public static StatementResult execute(DdlStatement ddl, StatementContext ctx) {
    Transaction tx = ctx.writeTransaction();
    Snapshot snapshot = ctx.readSnapshot();
    return switch (ddl) {
      case DdlStatement.CreateTable c -> {
        if (Relations.kindOf(snapshot, c.schema().name()) != null) {
          if (c.ifNotExists()) {
            yield StatementResult.of("CREATE TABLE");
          }
          Relations.requireFree(snapshot, c.schema().name());
        }
        for (String keyName : c.keyNames().given()) {
          Relations.requireFree(snapshot, keyName);
        }
        if (snapshot.catalog().enumType(c.schema().name()) != null) {
          EnumTypeExecutor.requireFreeTypeName(snapshot, c.schema().name());
        }
        var schema = EnumTypeExecutor.resolve(c.schema(), snapshot);
        tx.createTable(SequenceExecutor.withOwnedSequences(schema, c.identities(), snapshot, tx),
            c.keyNames());
        yield StatementResult.of("CREATE TABLE");
      }
      case DdlStatement.DropTable d -> {
        for (String name : d.names()) {
          if (snapshot.table(name) == null) {
            Relations.Kind kind = Relations.kindOf(snapshot, name);
            if (kind != null) {
              throw Relations.wrongKind(name, "a table", kind);
            }
            if (d.ifExists()) {
              continue;
            }
            throw undefined(name);
          }
          ViewDependencies.dropDependents(snapshot, "table", name, d.cascade(), List.of(), tx);
          var dropped = snapshot.table(name);
          dropped.constraintIndexNames().forEach(i -> CommentSchemaExecutor.forget(snapshot, tx, i, null));
          dropped.schema().indexes().forEach(i -> CommentSchemaExecutor.forget(snapshot, tx, i.name(), null));
          tx.dropTable(name, d.cascade(), java.util.Set.copyOf(d.names()));
          SequenceExecutor.dropOwnedBy(name, snapshot, tx);
          CommentSchemaExecutor.forget(snapshot, tx, name, null);
        }
        yield StatementResult.of("DROP TABLE");
      }
      case DdlStatement.Truncate t -> {
        for (String name : t.names()) {
          require(snapshot, name);
        }
        for (String name : t.names()) {
          tx.truncate(name, java.util.Set.copyOf(t.names()));
        }
        yield StatementResult.of("TRUNCATE TABLE");
      }
      case DdlStatement.AddColumn given -> {
        TableVersion table = require(snapshot, given.table());
        var a = new DdlStatement.AddColumn(given.table(),
            EnumTypeExecutor.resolve(given.column(), snapshot), given.ifNotExists());
        if (table.schema().columnIndex(a.column().name()) >= 0) {
          if (a.ifNotExists()) {
            yield StatementResult.of("ALTER TABLE");
          }
          throw new SqlStateException(SqlState.DUPLICATE_COLUMN, "column \"" + a.column().name()
              + "\" of relation \"" + a.table() + "\" already exists");
        }
        Object fill = a.column().defaultSql() == null ? null
            : new Defaults(ctx, snapshot).valueOf(a.column());
        if (fill == null && a.column().notNull() && table.rowCount() > 0) {
          throw new SqlStateException(SqlState.NOT_NULL_VIOLATION, "column \""
              + a.column().name() + "\" of relation \"" + a.table() + "\" contains null values");
        }
        if (fill != null && a.column().userType() != null) {
          EnumColumns.verifyValue(snapshot, a.column(), fill);
        }
        tx.addColumn(a.table(), a.column(), fill);
        yield StatementResult.of("ALTER TABLE");
      }
      case DdlStatement.DropColumn d -> {
        TableVersion table = require(snapshot, d.table());
        if (table.schema().columnIndex(d.column()) < 0) {
          if (d.ifExists()) {
            yield StatementResult.of("ALTER TABLE");
          }
          throw new SqlStateException(SqlState.UNDEFINED_COLUMN, "column \"" + d.column()
              + "\" of relation \"" + d.table() + "\" does not exist");
        }
        tx.dropColumn(d.table(), d.column());
        SequenceExecutor.dropOwnedBy(d.table(), d.column(), snapshot, tx);
        CommentSchemaExecutor.forget(snapshot, tx, d.table(), d.column());
        yield StatementResult.of("ALTER TABLE");
      }
      case DdlStatement.RenameColumn r -> {
        TableVersion table = require(snapshot, r.table());
        if (table.schema().columnIndex(r.from()) < 0) {
          throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
              "column \"" + r.from() + "\" does not exist");
        }
        if (table.schema().columnIndex(r.to()) >= 0) {
          throw new SqlStateException(SqlState.DUPLICATE_COLUMN, "column \"" + r.to()
              + "\" of relation \"" + r.table() + "\" already exists");
        }
        tx.renameColumn(r.table(), r.from(), r.to());
        SequenceExecutor.renameOwnerColumn(r.table(), r.from(), r.to(), snapshot, tx);
        CommentSchemaExecutor.rename(snapshot, tx, r.table(), r.from(), r.table(), r.to());
        yield StatementResult.of("ALTER TABLE");
      }
      case DdlStatement.RenameTable r -> {
        require(snapshot, r.from());
        Relations.requireFree(snapshot, r.to());
        tx.renameTable(r.from(), r.to());
        SequenceExecutor.renameOwner(r.from(), r.to(), snapshot, tx);
        CommentSchemaExecutor.rename(snapshot, tx, r.from(), null, r.to(), null);
        yield StatementResult.of("ALTER TABLE");
      }
      case DdlStatement.CreateIndex c -> IndexExecutor.create(c, snapshot, tx);
      case DdlStatement.DropIndex d -> IndexExecutor.drop(d, snapshot, tx);
      case DdlStatement.CreateView v -> ViewExecutor.create(v, snapshot, tx);
      case DdlStatement.DropView d -> ViewExecutor.drop(d, snapshot, tx);
      case DdlStatement.SetDefault a -> AlterExecutor.setDefault(a, snapshot, tx, ctx);
      case DdlStatement.SetNotNull a -> AlterExecutor.setNotNull(a, snapshot, tx);
      case DdlStatement.AlterColumnType a -> AlterExecutor.alterType(a, snapshot, tx);
      case DdlStatement.AddKey a -> AlterExecutor.addKey(a, snapshot, tx);
      case DdlStatement.DropKey a -> AlterExecutor.dropKey(a, snapshot, tx);
      case DdlStatement.IfTableExists i -> {
        if (snapshot.table(i.table()) == null) {
          yield StatementResult.of("ALTER TABLE");
        }
        yield execute(i.alter(), ctx);
      }
      case DdlStatement.AddForeignKey a -> ConstraintExecutor.addForeignKey(a, snapshot, tx);
      case DdlStatement.AddCheck a -> ConstraintExecutor.addCheck(a, snapshot, tx, ctx);
      case DdlStatement.AlterActions a -> {
        for (DdlStatement action : a.actions()) {
          execute(action, ctx);
        }
        yield StatementResult.of("ALTER TABLE");
      }
      case DdlStatement.Comment c -> CommentSchemaExecutor.comment(c, snapshot, tx);
      case DdlStatement.CreateSchema c -> CommentSchemaExecutor.createSchema(c, snapshot, tx);
      case DdlStatement.DropSchema d -> CommentSchemaExecutor.dropSchema(d, snapshot, tx);
      case DdlStatement.CreateSequence c -> SequenceExecutor.create(c, snapshot, tx);
      case DdlStatement.DropSequence d -> SequenceExecutor.drop(d, snapshot, tx);
      case DdlStatement.CreateEnum c -> EnumTypeExecutor.create(c, snapshot, tx);
      case DdlStatement.AddEnumValue a -> EnumTypeExecutor.addValue(a, snapshot, tx);
      case DdlStatement.RenameEnumValue r -> EnumTypeExecutor.renameValue(r, ctx);
      case DdlStatement.DropType d -> EnumTypeExecutor.drop(d, snapshot, tx);
      case DdlStatement.CreateCast c -> EnumTypeExecutor.createCast(c, snapshot);
    };
  }

  private static TableVersion require(Snapshot snapshot, String name) {
    TableVersion t = snapshot.table(name);
    if (t == null) {
      throw undefined(name);
    }
    return t;
  }

  private static SqlStateException undefined(String name) {
    return new SqlStateException(SqlState.UNDEFINED_TABLE,
        "table \"" + name + "\" does not exist");
  }
}
