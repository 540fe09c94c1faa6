package org.yggdrasil.catalog.compliance;

import java.nio.file.Path;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * What {@link ComplianceSuite} needs to know about one adapter: how to make a fresh system and
 * how to change and read its content, which the protocol itself leaves to each system.
 *
 * <p>Tokens are short distinct strings (letters, digits and {@code -}, never a prefix of one
 * another). {@link #read} must render content so that a token given to {@link #mutate} or
 * {@link #overwrite} appears in it verbatim exactly when that change is visible.
 *
 * <p>The suite calls the fixture from two threads at once in its concurrency property, each on
 * its own branch value; a fixture keeping per-branch state must be thread-safe for that.
 */
public interface SystemFixture {
  /**
   * A fresh, empty system bound to branch {@code main} whose state lives under {@code dir} (an
   * empty temporary directory). It has at least one snapshot, so {@code snapshotId()} is defined.
   */
  VersionedSystem create(Path dir);

  /**
   * Adds an item named by {@code token} (a row keyed by it, a file named after it) on the branch
   * {@code system} is bound to. Items of distinct tokens never conflict with each other in a
   * merge. The change may stay pending until {@link #commit}, or be committed at once.
   */
  void mutate(VersionedSystem system, String token);

  /**
   * Sets the one shared item every branch has (a fixed row, a fixed file) to {@code token}, on
   * the branch {@code system} is bound to. Two branches overwriting it with different tokens
   * since their common ancestor conflict in a merge. Pending or committed as for {@link #mutate}.
   */
  void overwrite(VersionedSystem system, String token);

  /**
   * Commits the pending changes on the branch {@code system} is bound to and returns the new
   * head. For systems whose {@link #mutate} already commits, returns the branch's head.
   */
  SnapshotRef commit(VersionedSystem system, String message);

  /**
   * A deterministic rendering of the content visible at {@code system}'s snapshot: a branch
   * value's current head (committed content), an {@code asOf} value's snapshot, or an overlay's
   * view as its mode defines. Tokens appear verbatim (see the class comment).
   */
  String read(VersionedSystem system);

  /** Releases what {@link #create} opened (the directory is deleted by the suite afterwards). */
  void close(VersionedSystem system);
}
