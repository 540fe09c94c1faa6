package org.yggdrasil.storage.nativestore;

/**
 * A named pointer to the latest committed {@link DbState} of a branch. Readers take {@link #head}
 * without locking; commits replace it while holding this object's monitor.
 */
final class Branch {
  final String name;
  volatile DbState head;
  volatile boolean dropped;

  Branch(String name, DbState head) {
    this.name = name;
    this.head = head;
  }
}
