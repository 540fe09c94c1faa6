package org.yggdrasil.storage.protocol;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yggdrasil.storage.nativestore.CatalogEntry;
import org.yggdrasil.storage.nativestore.RowCursor;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The logical content hash of a native snapshot ({@code Addressable}): SHA-256 over the table
 * schemas, each table's rows and the catalog entries, so equal content hashes equally whatever
 * the physical layout (row ids, chunks, deleted positions) that the store's own root hash covers.
 * A table's rows combine as a multiset — the sum modulo 2^256 of each row's SHA-256 — so the hash
 * needs no sort and does not depend on row order. Computing it reads every row; results are
 * cached per snapshot id, which never changes its content.
 */
final class NativeContentHash {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > 256;
    }
  };

  synchronized String of(String snapshotId, Snapshot s) {
    String h = cache.get(snapshotId);
    if (h == null) {
      h = compute(s);
      cache.put(snapshotId, h);
    }
    return h;
  }

  static String compute(Snapshot s) {
    MessageDigest total = sha();
    for (TableSchema schema : s.tables()) {
      total.update(text("table\u0000" + schema));
      total.update(rows(s.table(schema.name()), schema.columns().size()));
    }
    for (CatalogEntry e : s.catalog().all()) {
      total.update(text("entry\u0000" + e.kind() + "\u0000" + e.name() + "\u0000" + e.fields()));
    }
    return HexFormat.of().formatHex(total.digest());
  }

  private static byte[] rows(TableVersion t, int columns) {
    int[] all = new int[columns];
    for (int i = 0; i < columns; i++) {
      all[i] = i;
    }
    BigInteger sum = BigInteger.ZERO;
    MessageDigest row = sha();
    try (RowCursor c = t.scan(all)) {
      while (c.next()) {
        for (int i = 0; i < columns; i++) {
          row.update(text(render(c.value(i))));
          row.update((byte) 0);
        }
        sum = sum.add(new BigInteger(1, row.digest())); // digest() resets for the next row
      }
    }
    return text(sum.mod(MOD).toString(16) + "/" + t.rowCount());
  }

  private static String render(Object v) {
    if (v == null) {
      return "N";
    }
    if (v instanceof byte[] b) {
      return "B:" + HexFormat.of().formatHex(b);
    }
    if (v instanceof Object[] a) {
      return "A:" + java.util.Arrays.deepToString(a);
    }
    return v.getClass().getSimpleName() + ":" + v;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
