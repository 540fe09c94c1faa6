package org.yggdrasil.catalog.tables;

import java.util.List;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * A system whose content SQL sees as tables (in the schema named after the system). A value is
 * bound to one snapshot (a branch's head when it was obtained, or an {@code asOf} snapshot):
 * every read of it sees that snapshot, so a statement reads one consistent state.
 */
public interface TabularSystem extends VersionedSystem {
  /** The tables at this value's snapshot. */
  List<TableSpec> tables();

  /** The rows of a table at this value's snapshot, in the order of {@link TableSpec#columns()}. */
  Iterable<Object[]> rows(String table);

  /**
   * Starts staging writes on the bound branch; they become one snapshot of the system at {@link
   * TableWriter#commit}. Systems without writable tables throw 0A000.
   */
  TableWriter writer();
}
