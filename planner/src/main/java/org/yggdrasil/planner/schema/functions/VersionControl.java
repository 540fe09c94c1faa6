package org.yggdrasil.planner.schema.functions;

import java.util.List;

/**
 * The branch operations of the session's database, as the {@code ygg.*} SQL functions and
 * tables use them. Implemented by the session; ref-moving operations act at once and are not
 * undone by ROLLBACK (DESIGN §4).
 */
public interface VersionControl {
  /** The branch the session reads and writes. */
  String currentBranch();

  /** All branch names, sorted. */
  List<String> branches();

  /** Creates {@code name} pointing where {@code from} points. */
  void createBranch(String name, String from);

  /** Deletes a branch other than the session's own. */
  void deleteBranch(String name);
}
