package org.yggdrasil.storage.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.yggdrasil.catalog.compliance.SystemFixture;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.RowCursor;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * The native store for the compliance suite: table {@code items(k text primary key, v text)};
 * a token is a row {@code (token, token)}, the shared item the row {@code ('shared', token)}.
 * Each change commits at once, so {@link #commit} returns the head.
 */
final class NativeFixture implements SystemFixture {
  private final boolean onDisk;

  NativeFixture(boolean onDisk) {
    this.onDisk = onDisk;
  }

  @Override
  public VersionedSystem create(Path dir) {
    NativeDatabase db = onDisk ? NativeDatabase.open(dir.resolve("db")) : NativeDatabase.inMemory("compliance");
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("items", List.of(ColumnDef.of("k", ColumnType.TEXT), ColumnDef.of("v", ColumnType.TEXT)),
        List.of("k"), List.of()));
    tx.commit("create items", null);
    return NativeSystem.open(db);
  }

  @Override
  public void mutate(VersionedSystem system, String token) {
    Transaction tx = ((NativeSystem) system).begin();
    tx.insert("items", List.<Object[]>of(new Object[] {token, token}));
    tx.commit("add " + token, null);
  }

  @Override
  public void overwrite(VersionedSystem system, String token) {
    Transaction tx = ((NativeSystem) system).begin();
    long p = tx.snapshot().table("items").lookupPrimaryKey(new Object[] {"shared"});
    if (p < 0) {
      tx.insert("items", List.<Object[]>of(new Object[] {"shared", token}));
    } else {
      tx.update("items", new long[] {p}, List.<Object[]>of(new Object[] {"shared", token}));
    }
    tx.commit("set shared to " + token, null);
  }

  @Override
  public SnapshotRef commit(VersionedSystem system, String message) {
    NativeSystem s = (NativeSystem) system;
    return s.snapshotRef(s.snapshotId());
  }

  @Override
  public String read(VersionedSystem system) {
    TableVersion t = ((NativeSystem) system).snapshot().table("items");
    TreeMap<String, String> rows = new TreeMap<>();
    try (RowCursor c = t.scan(new int[] {0, 1})) {
      while (c.next()) {
        rows.put((String) c.value(0), (String) c.value(1));
      }
    }
    return rows.toString();
  }

  @Override
  public void close(VersionedSystem system) {
    ((NativeSystem) system).database().close();
  }
}
