package org.yggdrasil.planner.copy;

/** HEADER MATCH: the header line must name the copied columns, in order (PostgreSQL 15). */
final class HeaderMatch {
  private HeaderMatch() {}

  static void check(Fields fields, String[] columns, String nullText, String table, long line,
      byte[] b, int from, int to) {
    if (fields.count != columns.length) {
      throw CopyErrors.atLine(CopyErrors.badFormat("wrong number of fields in header line: got "
          + fields.count + ", expected " + columns.length), table, line, b, from, to);
    }
    for (int i = 0; i < columns.length; i++) {
      if (fields.isNull[i]) {
        throw CopyErrors.atLine(CopyErrors.badFormat("column name mismatch in header line field "
            + (i + 1) + ": got null value (\"" + nullText + "\"), expected \"" + columns[i]
            + "\""), table, line, b, from, to);
      }
      String name = ValueDecoder.lenient(fields.data[i], fields.offset[i], fields.length[i]);
      if (!name.equals(columns[i])) {
        throw CopyErrors.atLine(CopyErrors.badFormat("column name mismatch in header line field "
            + (i + 1) + ": got \"" + name + "\", expected \"" + columns[i] + "\""), table, line,
            b, from, to);
      }
    }
  }
}
