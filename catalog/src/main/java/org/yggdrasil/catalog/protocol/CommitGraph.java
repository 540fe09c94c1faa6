package org.yggdrasil.catalog.protocol;

import java.util.List;
import java.util.Map;

/**
 * A system's commit DAG: every reachable snapshot with its parents, and the branch heads.
 *
 * @param parents snapshot id → parent ids, first parent first
 * @param heads branch name → snapshot id
 */
public record CommitGraph(Map<String, List<String>> parents, Map<String, String> heads) {
  public CommitGraph {
    parents = Map.copyOf(parents);
    heads = Map.copyOf(heads);
  }
}
