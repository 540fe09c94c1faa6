package org.yggdrasil.storage.git;

import java.util.List;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.catalog.tables.TableSpec;

/** The tables a Git system exposes, and their column positions. */
final class GitTables {
  private GitTables() {}

  static final String COMMITS = "commits";
  static final String REFS = "refs";
  static final String FILES = "files";

  // Column positions of files.
  static final int PATH = 0;
  static final int SIZE = 1;
  static final int MODE = 2;
  static final int BLOB_ID = 3;
  static final int CONTENT = 4;
  static final int CONTENT_BYTES = 5;

  static final TableSpec COMMITS_SPEC = new TableSpec(COMMITS, List.of(
      new ColumnSpec("id", "text", false),
      new ColumnSpec("parents", "text", false),
      new ColumnSpec("author", "text", false),
      new ColumnSpec("email", "text", false),
      new ColumnSpec("committed_at", "timestamp with time zone", false),
      new ColumnSpec("message", "text", false)), List.of(0), false);

  static final TableSpec REFS_SPEC = new TableSpec(REFS, List.of(
      new ColumnSpec("name", "text", false),
      new ColumnSpec("target", "text", false),
      new ColumnSpec("kind", "text", false)), List.of(0, 2), false);

  // size, mode and blob_id are nullable because an INSERT may leave them out: mode defaults
  // to 100644, size and blob_id follow from the content. A read always fills them (size is NULL only for a submodule).
  static final TableSpec FILES_SPEC = new TableSpec(FILES, List.of(
      new ColumnSpec("path", "text", false),
      new ColumnSpec("size", "bigint", true),
      new ColumnSpec("mode", "text", true),
      new ColumnSpec("blob_id", "text", true),
      new ColumnSpec("content", "text", true),
      new ColumnSpec("content_bytes", "bytea", true)), List.of(PATH), true);

  static final List<TableSpec> ALL = List.of(COMMITS_SPEC, REFS_SPEC, FILES_SPEC);
}
