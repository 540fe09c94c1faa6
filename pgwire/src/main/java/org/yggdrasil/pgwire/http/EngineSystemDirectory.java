package org.yggdrasil.pgwire.http;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.wire.SystemDirectory;
import org.yggdrasil.planner.attach.DatabaseSystem;
import org.yggdrasil.planner.attach.MemberViews;
import org.yggdrasil.planner.attach.ServerDef;
import org.yggdrasil.planner.attach.SystemRegistry;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.protocol.NativeSystem;

/**
 * The server's databases as protocol systems. A database's members are {@code native} (its own
 * tables) and the systems attached with CREATE SERVER (as its {@code main} branch records them);
 * the whole database is {@link DatabaseSystem} ({@code database}), whose branch operations apply
 * to every member. One {@link NativeSystem} per open database is kept, so that watchers share
 * one subscription to its store; a dropped and re-created database gets a new one.
 */
public final class EngineSystemDirectory implements SystemDirectory {
  private final Function<String, NativeDatabase> databases;
  private final Map<String, NativeSystem> systems = new java.util.concurrent.ConcurrentHashMap<>();

  /** @param databases the open database of a name (3D000 when there is none) */
  public EngineSystemDirectory(Function<String, NativeDatabase> databases) {
    this.databases = databases;
  }

  @Override
  public List<String> systems(String database) {
    NativeDatabase db = databases.apply(database);
    java.util.TreeSet<String> ids = new java.util.TreeSet<>(attached(db).keySet());
    ids.add(NativeSystem.SYSTEM_ID);
    ids.add(DatabaseSystem.SYSTEM_ID);
    return List.copyOf(ids);
  }

  @Override
  public VersionedSystem system(String database, String systemId) {
    NativeDatabase db = databases.apply(database);
    NativeSystem store = systems.compute(database, (name, known) ->
        known != null && known.database() == db ? known : NativeSystem.open(db));
    if (systemId == null || systemId.equals(DatabaseSystem.SYSTEM_ID)) {
      return DatabaseSystem.of(store);
    }
    if (systemId.equals(NativeSystem.SYSTEM_ID)) {
      return store;
    }
    ServerDef def = attached(db).get(systemId);
    if (def == null) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT, "database \"" + database
          + "\" has no system \"" + systemId + "\"; its systems: " + systems(database));
    }
    return SystemRegistry.of(db).system(def);
  }

  private static Map<String, ServerDef> attached(NativeDatabase db) {
    return MemberViews.servers(db.snapshot(Branchable.DEFAULT_BRANCH));
  }
}
