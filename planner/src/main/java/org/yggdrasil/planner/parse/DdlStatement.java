package org.yggdrasil.planner.parse;

import java.util.List;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.IndexDef;
import org.yggdrasil.storage.nativestore.TableSchema;

/** The DDL statements the statement layer parses itself (Calcite's grammar lacks PostgreSQL's). */
public sealed interface DdlStatement {

  /** CREATE TABLE [IF NOT EXISTS]. */
  record CreateTable(TableSchema schema, boolean ifNotExists) implements DdlStatement {}

  /** DROP TABLE [IF EXISTS] a, b. */
  record DropTable(List<String> names, boolean ifExists) implements DdlStatement {}

  /** TRUNCATE [TABLE] a, b. */
  record Truncate(List<String> names) implements DdlStatement {}

  /** ALTER TABLE … ADD COLUMN. */
  record AddColumn(String table, ColumnDef column, boolean ifNotExists) implements DdlStatement {}

  /** ALTER TABLE … DROP COLUMN. */
  record DropColumn(String table, String column, boolean ifExists) implements DdlStatement {}

  /** ALTER TABLE … RENAME COLUMN a TO b. */
  record RenameColumn(String table, String from, String to) implements DdlStatement {}

  /** ALTER TABLE … RENAME TO b. */
  record RenameTable(String from, String to) implements DdlStatement {}

  /** CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table (…); {@code name} null: PostgreSQL's default. */
  record CreateIndex(String name, String table, List<IndexDef.Column> columns, boolean unique,
      String method, String predicate, boolean ifNotExists) implements DdlStatement {}

  /** DROP INDEX [IF EXISTS] a, b. */
  record DropIndex(List<String> names, boolean ifExists) implements DdlStatement {}

  /** CREATE [OR REPLACE] VIEW name [(columns)] AS query. */
  record CreateView(String name, List<String> columns, String query, boolean orReplace)
      implements DdlStatement {}

  /** DROP VIEW [IF EXISTS] a, b [CASCADE]. */
  record DropView(List<String> names, boolean ifExists, boolean cascade) implements DdlStatement {}
}
