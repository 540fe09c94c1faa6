package org.yggdrasil.storage.files;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ancestry over the snapshot DAG. Newest first means by HLC, descending (ties by id). */
final class History {
  private final Map<String, SnapshotRecord> snapshots;

  History(Map<String, SnapshotRecord> snapshots) {
    this.snapshots = snapshots;
  }

  /** {@code id} and everything it descends from. */
  Set<String> closure(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String s = todo.pop();
      SnapshotRecord r = snapshots.get(s);
      if (r != null && seen.add(s)) {
        todo.addAll(r.parents());
      }
    }
    return seen;
  }

  List<String> ancestors(String id) {
    Set<String> all = closure(id);
    all.remove(id);
    return newestFirst(all);
  }

  boolean isAncestor(String ancestor, String descendant) {
    return closure(descendant).contains(ancestor);
  }

  /** The newest snapshot both descend from: no other common ancestor is newer. */
  Optional<String> commonAncestor(String a, String b) {
    Set<String> ofA = closure(a);
    return closure(b).stream().filter(ofA::contains).max(newest().reversed());
  }

  List<String> newestFirst(Set<String> ids) {
    List<String> out = new ArrayList<>(ids);
    out.sort(newest());
    return out;
  }

  private Comparator<String> newest() {
    Comparator<String> byHlc = Comparator.comparing(id -> snapshots.get(id).hlc());
    return byHlc.reversed().thenComparing(Comparator.naturalOrder());
  }
}
