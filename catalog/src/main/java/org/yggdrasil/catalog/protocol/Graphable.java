package org.yggdrasil.catalog.protocol;

import java.util.List;
import java.util.Optional;

/** Layer 3: history and ancestry over the snapshot DAG. */
public interface Graphable extends Snapshotable {
  /** The current branch's history, newest first, at most {@code limit} entries (≤ 0: all). */
  List<String> history(int limit);

  /** Every ancestor of a snapshot (not itself), newest first. */
  List<String> ancestors(String snapshotId);

  /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
  boolean isAncestor(String ancestor, String descendant);

  /** The nearest common ancestor of two snapshots, if they share history. */
  Optional<String> commonAncestor(String a, String b);

  CommitGraph commitGraph();
}
