package org.yggdrasil.storage.nativestore;

import java.util.NavigableMap;

/**
 * A transaction's view as of SAVEPOINT. Views are immutable, so keeping one costs a reference and
 * {@link Transaction#rollbackTo} just reinstates it. Stays usable after a rollback to it.
 */
public final class Savepoint {
  final Transaction owner;
  final NavigableMap<String, TableState> tables;
  final DbState view;
  final long schemaVersion;
  final boolean writes;

  Savepoint(Transaction owner, NavigableMap<String, TableState> tables, DbState view, long schemaVersion, boolean writes) {
    this.owner = owner;
    this.tables = tables;
    this.view = view;
    this.schemaVersion = schemaVersion;
    this.writes = writes;
  }
}
