package org.yggdrasil.planner.parse;

import java.util.List;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.IndexDef;
import org.yggdrasil.storage.nativestore.TableSchema;

/** The DDL statements the statement layer parses itself (Calcite's grammar lacks PostgreSQL's). */
public sealed interface DdlStatement {

  /**
   * CREATE TABLE [IF NOT EXISTS]. {@code identities}: the serial and identity columns, each of which
   * gets an owned sequence and a nextval DEFAULT when the table is made. {@code keyNames}: the
   * CONSTRAINT names of its keys.
   */
  record CreateTable(TableSchema schema, boolean ifNotExists, List<Identity> identities,
      org.yggdrasil.storage.nativestore.KeyNames keyNames) implements DdlStatement {
    public CreateTable(TableSchema schema, boolean ifNotExists) {
      this(schema, ifNotExists, List.of());
    }

    public CreateTable(TableSchema schema, boolean ifNotExists, List<Identity> identities) {
      this(schema, ifNotExists, identities, org.yggdrasil.storage.nativestore.KeyNames.DEFAULTS);
    }
  }

  /** A serial or identity column and the options of its sequence. */
  record Identity(String column, SequenceOptions options) {}

  /** DROP TABLE [IF EXISTS] a, b [CASCADE]. */
  record DropTable(List<String> names, boolean ifExists, boolean cascade) implements DdlStatement {}

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

  /** CREATE SEQUENCE [IF NOT EXISTS] name [options]. */
  record CreateSequence(String name, SequenceOptions options, boolean ifNotExists)
      implements DdlStatement {}

  /** DROP SEQUENCE [IF EXISTS] a, b [CASCADE]. */
  record DropSequence(List<String> names, boolean ifExists, boolean cascade) implements DdlStatement {}

  /** ALTER TABLE with several comma-separated actions, applied in order. */
  record AlterActions(List<DdlStatement> actions) implements DdlStatement {}

  /** ALTER TABLE IF EXISTS: {@code alter} when the table exists, else nothing (a notice). */
  record IfTableExists(String table, DdlStatement alter) implements DdlStatement {}

  /** ALTER TABLE … ALTER COLUMN c SET DEFAULT expr, or DROP DEFAULT ({@code defaultSql} null). */
  record SetDefault(String table, String column, String defaultSql) implements DdlStatement {}

  /** ALTER TABLE … ALTER COLUMN c SET NOT NULL / DROP NOT NULL. */
  record SetNotNull(String table, String column, boolean notNull) implements DdlStatement {}

  /** ALTER TABLE … ALTER COLUMN c [SET DATA] TYPE t. */
  record AlterColumnType(String table, String column, TypeName type) implements DdlStatement {}

  /** ALTER TABLE … ADD [CONSTRAINT name] PRIMARY KEY / UNIQUE (columns); {@code name} may be null. */
  record AddKey(String table, String name, List<String> columns, boolean primary)
      implements DdlStatement {}

  /** ALTER TABLE … ADD [CONSTRAINT name] FOREIGN KEY (…) REFERENCES …. */
  record AddForeignKey(String table, org.yggdrasil.storage.nativestore.ForeignKeyDef foreignKey)
      implements DdlStatement {}

  /** ALTER TABLE … ADD [CONSTRAINT name] CHECK (expr); {@code name} null: PostgreSQL's default. */
  record AddCheck(String table, String name, String expression) implements DdlStatement {}

  /** ALTER TABLE … DROP CONSTRAINT [IF EXISTS] name. */
  record DropKey(String table, String name, boolean ifExists) implements DdlStatement {}

  /** COMMENT ON kind relation[.column] IS 'text' | NULL ({@code text} null removes it). */
  record Comment(String kind, String relation, String column, String text) implements DdlStatement {}

  /** CREATE SCHEMA [IF NOT EXISTS] name. */
  record CreateSchema(String name, boolean ifNotExists) implements DdlStatement {}

  /** DROP SCHEMA [IF EXISTS] a, b [CASCADE]. */
  record DropSchema(List<String> names, boolean ifExists, boolean cascade) implements DdlStatement {}

  /** CREATE TYPE name AS ENUM ('label', …). */
  record CreateEnum(String name, List<String> labels) implements DdlStatement {}

  /**
   * ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label' [BEFORE | AFTER 'neighbour'] ({@code
   * neighbour} null: at the end).
   */
  record AddEnumValue(String type, String label, boolean ifNotExists, String neighbour,
      boolean before) implements DdlStatement {}

  /** ALTER TYPE name RENAME VALUE 'from' TO 'to'. */
  record RenameEnumValue(String type, String from, String to) implements DdlStatement {}

  /** DROP TYPE [IF EXISTS] a, b [CASCADE | RESTRICT]. */
  record DropType(List<String> names, boolean ifExists, boolean cascade) implements DdlStatement {}

  /** CREATE CAST (source AS target) WITH INOUT [AS IMPLICIT | AS ASSIGNMENT]. */
  record CreateCast(TypeName source, TypeName target) implements DdlStatement {}
}
