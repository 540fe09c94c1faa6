package org.yggdrasil.catalog.tables;

import java.nio.file.Path;
import java.util.Map;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * Opens an attached system for {@code CREATE SERVER name FOREIGN DATA WRAPPER <wrapper> OPTIONS
 * (…)}. One factory per wrapper name ({@code git}, {@code files}); found by the server at start.
 * The returned system implements {@link TabularSystem} and the protocol layers its capabilities
 * list, and is bound to the default branch.
 */
public interface SystemFactory {
  /** The FOREIGN DATA WRAPPER name this factory serves. */
  String wrapper();

  /**
   * Opens (attaches) a system.
   *
   * @param systemId the server name, which is also the SQL schema name
   * @param options the OPTIONS given (e.g. {@code path}); unknown or missing options → 42601/22023
   *     naming the option
   * @param stateDir a directory this system may keep its own state in (overlays, copies of
   *     snapshotted files); it survives restarts when the database is on disk
   */
  VersionedSystem open(String systemId, Map<String, String> options, Path stateDir);
}
