package org.yggdrasil.storage.files;

/**
 * One row of a data file: its values in column order, and the file text it came from ({@code
 * String[]} fields of a CSV record, or the JSON line) so unchanged rows are written back exactly
 * as they were; null for rows written through Yggdrasil.
 */
record TableRow(Object[] values, Object source) {
  static TableRow fresh(Object[] values) {
    return new TableRow(values, null);
  }
}
