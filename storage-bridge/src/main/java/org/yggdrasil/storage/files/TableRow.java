package org.yggdrasil.storage.files;

/**
 * One row of a data file: its values in column order, and the text it came from (the CSV
 * record or the JSON line, without the line break) so unchanged rows are written back exactly
 * as they were; null for rows written through Yggdrasil.
 */
record TableRow(Object[] values, Object source) {
  static TableRow fresh(Object[] values) {
    return new TableRow(values, null);
  }
}
