package org.yggdrasil.pgwire.it.memtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * The state of one memtest system: snapshots (each a whole {@code items} table: id → name) and
 * branches. One store per {@code path} option, kept for the JVM's life, so detaching and
 * attaching again finds the same data (as a Git repository on disk would).
 */
final class MemStore {
  private static final Map<String, MemStore> STORES = new ConcurrentHashMap<>();
  private static final Hlc.Clock CLOCK = new Hlc.Clock();

  /** One immutable snapshot. */
  record Snap(String id, List<String> parents, SortedMap<Long, String> rows, Hlc hlc,
      String message) {}

  final Map<String, Snap> snaps = new HashMap<>();
  final Map<String, String> branches = new TreeMap<>();
  private int counter;

  static MemStore at(String path, List<String> initialNames) {
    return STORES.computeIfAbsent(path, p -> new MemStore(p, initialNames));
  }

  private MemStore(String path, List<String> initialNames) {
    SortedMap<Long, String> rows = new TreeMap<>();
    for (int i = 0; i < initialNames.size(); i++) {
      rows.put((long) i + 1, initialNames.get(i));
    }
    Snap root = newSnap(List.of(), rows, "initial");
    branches.put("main", root.id());
  }

  synchronized Snap newSnap(List<String> parents, SortedMap<Long, String> rows, String message) {
    String id = "m" + Integer.toHexString(System.identityHashCode(this)) + "-" + (++counter);
    Snap s = new Snap(id, List.copyOf(parents), new TreeMap<>(rows), CLOCK.now(), message);
    snaps.put(id, s);
    return s;
  }

  synchronized Snap snap(String id) {
    Snap s = snaps.get(id);
    if (s == null) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT, "memtest: no snapshot " + id);
    }
    return s;
  }

  synchronized String head(String branch) {
    String id = branches.get(branch);
    if (id == null) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
          "memtest: branch \"" + branch + "\" does not exist");
    }
    return id;
  }

  /** A branch name's head, else a snapshot id. */
  synchronized String resolve(String ref) {
    String b = branches.get(ref);
    return b != null ? b : snap(ref).id();
  }

  /** A snapshot and all its ancestors, nearest first (breadth first). */
  synchronized List<String> lineage(String id) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(id));
    while (!queue.isEmpty()) {
      String s = queue.remove(0);
      if (seen.add(s)) {
        queue.addAll(snap(s).parents());
      }
    }
    return new ArrayList<>(seen);
  }
}
