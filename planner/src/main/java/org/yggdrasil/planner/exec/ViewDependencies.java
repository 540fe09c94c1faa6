package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;
import org.yggdrasil.storage.nativestore.ViewDef;

/**
 * Which views depend on a table or view, for DROP … [CASCADE] as PostgreSQL does it. A view
 * depends on every relation its query names (an identifier token equal to the name), so the
 * answer errs on the side of protecting views.
 */
final class ViewDependencies {
  private ViewDependencies() {}

  /** The views that depend on {@code relation}, directly or through other views. */
  static List<String> dependents(Snapshot snapshot, String relation) {
    Set<String> found = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(relation));
    while (!queue.isEmpty()) {
      String name = queue.remove(0);
      for (ViewDef v : snapshot.catalog().views()) {
        if (!v.name().equals(relation) && !found.contains(v.name()) && mentions(v, name)) {
          found.add(v.name());
          queue.add(v.name());
        }
      }
    }
    return List.copyOf(found);
  }

  private static boolean mentions(ViewDef view, String name) {
    for (Token t : SqlLexer.tokenize(view.sql())) {
      if ((t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER)
          && t.identifier().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Before dropping {@code relation}: 2BP01 if views depend on it and {@code cascade} is false,
   * else drops those views.
   */
  static void dropDependents(Snapshot snapshot, String kind, String relation, boolean cascade,
      List<String> beingDropped, Transaction tx) {
    List<String> views = dependents(snapshot, relation).stream()
        .filter(v -> !beingDropped.contains(v)).toList();
    if (views.isEmpty()) {
      return;
    }
    if (!cascade) {
      throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
          "cannot drop " + kind + " " + relation + " because other objects depend on it",
          "view " + views.get(0) + " depends on " + kind + " " + relation,
          "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
    }
    for (String v : views) {
      tx.removeCatalogEntry(ViewDef.KIND, v);
    }
  }
}
