package org.yggdrasil.catalog.wire;

import java.util.List;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * Finds the systems of a database by id, for the JSON wire and other non-SQL clients. The
 * server implements it over its databases: today each database has the member {@code native}
 * (its own tables); attached systems and the database as a composite plug in here.
 */
public interface SystemDirectory {
  /** The database's member ids, sorted. 3D000 for an unknown database. */
  List<String> systems(String database);

  /**
   * A member of a database bound to its default branch; with {@code systemId} null, the system
   * that stands for the whole database. 3D000 for an unknown database, 42704 for an unknown
   * member.
   */
  VersionedSystem system(String database, String systemId);
}
