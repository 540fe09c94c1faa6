package org.yggdrasil.storage.files;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of a snapshot, parsed from its blobs. Blobs never change, so a parsed file is
 * cached by name and hash (a few recent ones) and shared by every snapshot holding it.
 */
final class TableCache {
  private static final int CAPACITY = 64;
  private final BlobStore blobs;
  private final Map<String, TableFile> parsed = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TableFile> eldest) {
      return size() > CAPACITY;
    }
  };

  TableCache(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Table name → data file name for a manifest; names two files share get their extension. */
  static Map<String, String> tableNames(Manifest m) {
    Map<String, Integer> count = new HashMap<>();
    m.files().keySet().forEach(f -> count.merge(Names.tableOf(f), 1, Integer::sum));
    Map<String, String> out = new TreeMap<>();
    for (String file : m.files().keySet()) {
      String name = Names.tableOf(file);
      out.put(count.get(name) > 1 ? Names.identifier(file, "t") : name, file);
    }
    return out;
  }

  TableFile table(String tableName, String fileName, String sha) {
    String key = fileName + "@" + sha;
    synchronized (parsed) {
      TableFile t = parsed.get(key);
      if (t != null && t.spec().name().equals(tableName)) {
        return t;
      }
    }
    TableFile t = FileFormat.of(fileName).parse(fileName, tableName, blobs.get(sha));
    synchronized (parsed) {
      parsed.put(key, t);
    }
    return t;
  }
}
