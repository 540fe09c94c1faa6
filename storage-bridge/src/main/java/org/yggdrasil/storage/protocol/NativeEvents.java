package org.yggdrasil.storage.protocol;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.storage.nativestore.CommitMeta;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * Fans the native store's commit and branch callbacks out to protocol watchers. One per
 * database (the store's listener lists only grow, so each watcher must not register its own);
 * a watcher unsubscribes by closing its handle. Overlay branches are internal and not reported.
 */
final class NativeEvents {
  private final CopyOnWriteArrayList<Consumer<SystemEvent>> watchers = new CopyOnWriteArrayList<>();
  private final String systemId;

  NativeEvents(NativeDatabase db, String systemId, java.util.function.Function<String, SnapshotRef> refs) {
    this.systemId = systemId;
    db.onCommit(meta -> commit(meta, refs));
    db.onBranchChange((branch, head) -> {
      if (!NativeOverlay.isHidden(branch)) {
        publish(new SystemEvent(head == null ? SystemEvent.BRANCH_DELETED : SystemEvent.BRANCH_CREATED,
            systemId, branch, head == null ? null : refs.apply(head)));
      }
    });
  }

  private void commit(CommitMeta meta, java.util.function.Function<String, SnapshotRef> refs) {
    if (!watchers.isEmpty() && !NativeOverlay.isHidden(meta.branch())) {
      publish(new SystemEvent(SystemEvent.COMMIT, systemId, meta.branch(), refs.apply(meta.id())));
    }
  }

  AutoCloseable watch(Consumer<SystemEvent> listener) {
    watchers.add(listener);
    return () -> watchers.remove(listener);
  }

  /** Delivers on the committing thread; a failing watcher must not fail the commit. */
  private void publish(SystemEvent e) {
    for (Consumer<SystemEvent> w : watchers) {
      try {
        w.accept(e);
      } catch (RuntimeException ignored) {
        // a watcher's own bug; the commit already happened and stays
      }
    }
  }
}
