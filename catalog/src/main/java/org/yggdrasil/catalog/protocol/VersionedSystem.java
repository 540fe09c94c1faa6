package org.yggdrasil.catalog.protocol;

/**
 * A system that speaks the Yggdrasil protocol. A value of this type is a view of the system
 * bound to one branch (its {@linkplain Branchable#currentBranch() current branch}); operations
 * that move to another branch return a new value ({@link Branchable#checkout}). Operations that
 * change shared state (creating a branch, committing, merging) change the underlying store, as
 * Git commands change a repository, and say so with a {@code !}-style verb in their javadoc.
 *
 * <p>Each layer is a sub-interface; a system implements those it {@linkplain #capabilities()
 * advertises}. Errors are {@link org.yggdrasil.catalog.error.SqlStateException}s carrying the
 * state a SQL user would see (unknown branch or snapshot: 42704; conflicts: 40001; not
 * supported: 0A000).
 */
public interface VersionedSystem {
  /** The system's identity and layers. */
  Capabilities capabilities();

  default String systemId() {
    return capabilities().systemId();
  }

  default String systemType() {
    return capabilities().systemType();
  }
}
