package org.yggdrasil.planner.vexec;

/** One ORDER BY key of a vectorized plan: the slot it reads, its direction and where NULLs rank. */
public record SortKey(int slot, boolean descending, boolean nullsFirst) {
  @Override
  public String toString() {
    return slot + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
