package org.yggdrasil.planner.schema.pgcatalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * OIDs of the objects attached systems show in pg_catalog (schemas, servers, wrappers, foreign
 * tables). They have no stored OID, so each is derived from its kind and name: the same object
 * has the same OID in every statement, on every branch and after restarts, as clients that cache
 * OIDs (pgjdbc, psql's \d) expect. The range, from 3,000,000,000 up, is one no table OID and no
 * {@link CatalogOids} key range reaches and stays below 2^32.
 */
final class ForeignOids {
  private static final long BASE = 3_000_000_000L;
  private static final long SPAN = 1L << 30;

  private ForeignOids() {}

  /**
   * The OID of the {@code kind} object {@code name}; when another object of the same catalog
   * already took it ({@code taken}), the next free one.
   */
  static long of(String kind, String name, Set<Long> taken) {
    long oid = BASE + (hash(kind + ":" + name) & (SPAN - 1));
    while (!taken.add(oid)) {
      oid = oid + 1 < BASE + SPAN ? oid + 1 : BASE;
    }
    return oid;
  }

  private static long hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
