package org.yggdrasil.storage.protocol;

import org.yggdrasil.storage.nativestore.Transaction;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.catalog.protocol.SystemEvent;

/** What the native adapter does beyond the compliance suite: its own choices, pinned down. */
class NativeSystemTest {
  @TempDir Path dir;
  private final NativeFixture fx = new NativeFixture(false);
  private NativeSystem sys;

  @BeforeEach
  void open() {
    sys = (NativeSystem) fx.create(dir);
  }

  @AfterEach
  void close() {
    fx.close(sys);
  }

  @Test
  void headMovesWithoutACommitAreReportedAsCommitEvents() throws Exception {
    List<SystemEvent> events = new ArrayList<>();
    try (AutoCloseable w = sys.watch(events::add)) {
      sys.branch("ahead", null);
      NativeSystem ahead = sys.checkout("ahead");
      fx.mutate(ahead, "ahead01");
      String head = ahead.snapshotId();
      events.clear();
      assertEquals("fast-forward", sys.merge("ahead", MergePolicy.FAIL, null).kind());
      assertEquals(List.of(new SystemEvent(SystemEvent.COMMIT, "native", "main", sys.snapshotRef(head))), events);
    }
  }

  @Test
  void overlaysAndConflictProbesStayOutOfBranchesAndEvents() throws Exception {
    List<SystemEvent> events = new ArrayList<>();
    try (AutoCloseable w = sys.watch(events::add)) {
      Overlay ov = sys.overlay(OverlayMode.GATED);
      fx.mutate(ov.view(), "hidden1");
      assertEquals(List.of("main"), List.copyOf(sys.branches()));
      sys.conflicts("main", "main");
      ov.discard();
      assertTrue(events.isEmpty(), () -> "events: " + events);
      assertEquals(List.of("main"), sys.database().branches(), "no overlay or probe branch is left");
    }
    assertThrows(SqlStateException.class, () -> sys.branch(NativeOverlay.PREFIX + "mine", null));
    assertThrows(SqlStateException.class, () -> sys.checkout(NativeOverlay.PREFIX + "1"));
  }

  @Test
  void aFrozenOverlayRefusesToAdvance() {
    Overlay ov = sys.overlay(OverlayMode.FROZEN);
    SqlStateException e = assertThrows(SqlStateException.class, ov::advance);
    assertEquals("55000", e.state().code());
    ov.discard();
  }

  @Test
  void asOfValuesAreReadOnly() {
    fx.mutate(sys, "alpha01");
    NativeSystem old = sys.asOf(sys.snapshotId());
    assertEquals("25006", assertThrows(SqlStateException.class, old::begin).state().code());
    assertEquals("25006", assertThrows(SqlStateException.class,
        () -> old.merge("main", MergePolicy.FAIL, null)).state().code());
    assertFalse(fx.read(old).isEmpty());
  }

  @Test
  void theCurrentBranchCannotBeDeletedThroughItsOwnValue() {
    sys.branch("b", null);
    NativeSystem b = sys.checkout("b");
    assertEquals("55006", assertThrows(SqlStateException.class, () -> b.deleteBranch("b")).state().code());
    sys.deleteBranch("b");
  }

  @Test
  void theContentHashIgnoresRowOrderAndPhysicalHistory() {
    String empty = sys.contentHash(sys.snapshotId()).orElseThrow();
    sys.branch("other", null);
    NativeSystem other = sys.checkout("other");
    fx.mutate(sys, "rowx1");
    fx.mutate(sys, "rowy1");
    fx.mutate(other, "rowy1");
    fx.mutate(other, "tmp01");
    fx.mutate(other, "rowx1");
    Transaction tx = other.begin();
    tx.delete("items", new long[] {tx.snapshot().table("items").lookupPrimaryKey(new Object[] {"tmp01"})});
    tx.commit("drop tmp01", null);
    assertNotEquals(sys.snapshotId(), other.snapshotId(), "different commits");
    assertEquals(sys.contentHash(sys.snapshotId()), other.contentHash(other.snapshotId()),
        "same rows, other order and positions: same content hash");
    assertNotEquals(Optional.of(empty), sys.contentHash(sys.snapshotId()));
    assertEquals(Optional.empty(), sys.contentHash("0123456789abcdef"));
    assertEquals(sys.snapshotId(), sys.commit("nothing pending", null).snapshotId());
  }
}
