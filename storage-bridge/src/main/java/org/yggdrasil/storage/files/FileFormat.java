package org.yggdrasil.storage.files;

import java.util.Locale;

/** The data file formats a directory's tables come from, by file extension. */
enum FileFormat {
  CSV, JSON_LINES;

  /** The format of a file name, or null when it is not a data file. */
  static FileFormat of(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSON_LINES;
    }
    return null;
  }

  TableFile parse(String fileName, String tableName, byte[] bytes) {
    return this == CSV ? CsvTable.parse(fileName, tableName, bytes)
        : JsonLinesTable.parse(fileName, tableName, bytes);
  }
}
