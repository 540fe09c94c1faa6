package org.yggdrasil.pgwire.session;

import java.util.HashMap;
import java.util.Map;
import org.yggdrasil.planner.session.PreparedStatement;

/**
 * The connection's prepared statements and portals by name; {@code ""} is the unnamed one of
 * each. Replacing or removing an entry closes it.
 */
final class NamedObjects {
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<String, BoundPortal> portals = new HashMap<>();
  private final Map<String, CostHistory.Stats> statementStats = new HashMap<>();

  PreparedStatement statement(String name) {
    return statements.get(name);
  }

  boolean hasStatement(String name) {
    return statements.containsKey(name);
  }

  void putStatement(String name, PreparedStatement statement) {
    Closer.quietly(statements.put(name, statement));
    CostHistory.Stats stats = new CostHistory.Stats();
    stats.bounded(statement.bounded());
    statementStats.put(name, stats);
  }

  void removeStatement(String name) {
    Closer.quietly(statements.remove(name));
    statementStats.remove(name);
  }

  /** How long the named statement's executions take, or null if there is no such statement. */
  CostHistory.Stats stats(String name) {
    return statementStats.get(name);
  }

  BoundPortal portal(String name) {
    return portals.get(name);
  }

  boolean hasPortal(String name) {
    return portals.containsKey(name);
  }

  void putPortal(String name, BoundPortal portal) {
    Closer.quietly(portals.put(name, portal));
  }

  void removePortal(String name) {
    Closer.quietly(portals.remove(name));
  }

  /** At transaction end portals die (PostgreSQL's rule); statements live on. */
  void closeAllPortals() {
    portals.values().forEach(Closer::quietly);
    portals.clear();
  }

  void closeAll() {
    closeAllPortals();
    statements.values().forEach(Closer::quietly);
    statements.clear();
    statementStats.clear();
  }
}
