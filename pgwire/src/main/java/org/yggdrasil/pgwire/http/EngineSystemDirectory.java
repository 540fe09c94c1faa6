package org.yggdrasil.pgwire.http;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.wire.SystemDirectory;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.protocol.NativeSystem;

/**
 * The server's databases as protocol systems. Each database has one member today, {@code
 * native} (its own tables), which also stands for the whole database. One {@link NativeSystem}
 * per open database is kept, so that watchers share one subscription to its store; a dropped
 * and re-created database gets a new one.
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
    databases.apply(database);
    return List.of(NativeSystem.SYSTEM_ID);
  }

  @Override
  public VersionedSystem system(String database, String systemId) {
    NativeDatabase db = databases.apply(database);
    if (systemId != null && !systemId.equals(NativeSystem.SYSTEM_ID)) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT, "database \"" + database
          + "\" has no system \"" + systemId + "\"; its systems: " + systems(database));
    }
    return systems.compute(database, (name, known) ->
        known != null && known.database() == db ? known : NativeSystem.open(db));
  }
}
