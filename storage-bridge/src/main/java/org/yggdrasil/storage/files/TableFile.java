package org.yggdrasil.storage.files;

import java.util.List;
import org.yggdrasil.catalog.tables.TableSpec;

/** One data file read as a table: its shape, its rows, and how to write rows back in its format. */
interface TableFile {
  String fileName();

  TableSpec spec();

  List<TableRow> rows();

  /** The text before the rows (a CSV header line), or null; rows of files with equal headers merge. */
  String header();

  /** The file's bytes holding {@code rows} (in this file's columns, header and line style). */
  byte[] render(List<TableRow> rows);
}
