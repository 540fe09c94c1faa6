package org.yggdrasil.catalog.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Addressable;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.GarbageCollectable;
import org.yggdrasil.catalog.protocol.Graphable;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.catalog.protocol.Overlayable;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.Snapshotable;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.protocol.Watchable;

/**
 * The Yggdrasil protocol's compliance suite: one property per test, run against any adapter
 * through a {@link SystemFixture}. A property of a layer the system does not {@linkplain
 * VersionedSystem#capabilities() advertise} is skipped (JUnit assumption), so an adapter passes
 * by implementing honestly what it claims.
 *
 * <p>Use it from another module: depend on catalog's test-jar,
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>org.yggdrasil</groupId>
 *   <artifactId>ygg-catalog</artifactId>
 *   <version>${project.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * and extend this class:
 *
 * <pre>{@code
 * class GitComplianceTest extends ComplianceSuite {
 *   @Override protected SystemFixture fixture() { return new GitFixture(); }
 * }
 * }</pre>
 *
 * Inside the reactor ({@code mvn -o test -pl storage-bridge -am}) Maven resolves the test-jar
 * to catalog's {@code target/test-classes}; no {@code mvn install} is needed.
 *
 * <p>The suite checks protocol behaviour only; content is observed through the fixture's
 * {@code read} rendering, in which each token shows exactly when its change is visible.
 */
public abstract class ComplianceSuite {
  /** How long an asynchronous watcher may take to see an event before the property fails. */
  private static final long EVENT_WAIT_SECONDS = 10;

  @TempDir Path dir;

  protected SystemFixture fx;
  protected VersionedSystem sys;

  /** The adapter under test. */
  protected abstract SystemFixture fixture();

  @BeforeEach
  void openSystem() {
    fx = fixture();
    sys = fx.create(dir);
    assertNotNull(sys, "fixture.create returned null");
  }

  @AfterEach
  void closeSystem() {
    if (sys != null) {
      fx.close(sys);
    }
  }

  // ---- helpers ----

  private void require(Layer layer) {
    assumeTrue(sys.capabilities().has(layer), () -> sys.systemId() + " does not advertise " + layer.wireName());
  }

  private Snapshotable snap() {
    require(Layer.SNAPSHOTABLE);
    return (Snapshotable) sys;
  }

  private Branchable branchable() {
    require(Layer.BRANCHABLE);
    return (Branchable) sys;
  }

  private Graphable graph() {
    require(Layer.GRAPHABLE);
    return (Graphable) sys;
  }

  private Mergeable mergeable() {
    require(Layer.MERGEABLE);
    return (Mergeable) sys;
  }

  /** Adds the token's item on the value's branch and commits it. */
  private SnapshotRef change(VersionedSystem on, String token) {
    fx.mutate(on, token);
    return fx.commit(on, "add " + token);
  }

  private SnapshotRef overwriteAndCommit(VersionedSystem on, String token) {
    fx.overwrite(on, token);
    return fx.commit(on, "set shared to " + token);
  }

  private static void assertSees(String content, String token, String where) {
    assertTrue(content.contains(token), () -> where + " should show " + token + " but reads: " + content);
  }

  private static void assertHides(String content, String token, String where) {
    assertFalse(content.contains(token), () -> where + " should not show " + token + " but reads: " + content);
  }

  private static void assertSqlState(String code, Executable action) {
    SqlStateException e = assertThrows(SqlStateException.class, action);
    assertEquals(code, e.state().code(), () -> "SQLSTATE of: " + e.getMessage());
  }

  // ---- layer 1: snapshots ----

  @Test
  void advertisesItsIdentity() {
    assertFalse(sys.capabilities().systemId().isBlank());
    assertFalse(sys.capabilities().systemType().isBlank());
    assertTrue(sys.capabilities().has(Layer.SNAPSHOTABLE), "every system is at least snapshotable");
  }

  @Test
  void snapshotIdsAreStableAndParentsAreTheCommitsBefore() {
    Snapshotable s = snap();
    String s0 = s.snapshotId();
    assertEquals(s0, s.snapshotId(), "snapshot id of an unchanged system is stable");
    SnapshotRef c1 = change(sys, "alpha01");
    assertEquals(c1.snapshotId(), s.snapshotId(), "the branch value reads the new head");
    assertNotEquals(s0, c1.snapshotId());
    assertEquals(List.of(s0), s.parentIds(c1.snapshotId()));
    SnapshotRef c2 = change(sys, "bravo02");
    assertEquals(List.of(c1.snapshotId()), s.parentIds(c2.snapshotId()));
    SnapshotRef ref = s.snapshotRef(c2.snapshotId());
    assertEquals(c2.snapshotId(), ref.snapshotId());
    assertEquals(List.of(c1.snapshotId()), ref.parentIds());
    assertEquals(sys.systemId(), ref.systemId());
    assertEquals(c2.snapshotId(), s.snapshotMeta(c2.snapshotId()).ref().snapshotId());
    assertEquals(ref, s.snapshotRef(c2.snapshotId()), "a snapshot's reference never changes");
  }

  @Test
  void asOfAnOldSnapshotReadsTheOldContent() {
    Snapshotable s = snap();
    SnapshotRef c1 = change(sys, "alpha01");
    change(sys, "bravo02");
    Snapshotable old = s.asOf(c1.snapshotId());
    assertEquals(c1.snapshotId(), old.snapshotId());
    String content = fx.read(old);
    assertSees(content, "alpha01", "asOf(c1)");
    assertHides(content, "bravo02", "asOf(c1)");
    assertSees(fx.read(sys), "bravo02", "main");
  }

  @Test
  void unknownSnapshotIsUndefinedObject() {
    Snapshotable s = snap();
    assertSqlState("42704", () -> s.snapshotRef("f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed"));
  }

  // ---- layer 2: branches ----

  @Test
  void branchesIsolateTheirChanges() {
    Branchable main = branchable();
    main.branch("feature", null);
    assertTrue(main.branches().containsAll(List.of("main", "feature")), () -> "branches: " + main.branches());
    Branchable feature = main.checkout("feature");
    change(feature, "feat001");
    change(main, "main001");
    String onMain = fx.read(main);
    String onFeature = fx.read(feature);
    assertSees(onMain, "main001", "main");
    assertHides(onMain, "feat001", "main");
    assertSees(onFeature, "feat001", "feature");
    assertHides(onFeature, "main001", "feature");
  }

  @Test
  void branchFromASnapshotIdStartsThere() {
    Branchable main = branchable();
    SnapshotRef c1 = change(main, "alpha01");
    change(main, "bravo02");
    SnapshotRef created = main.branch("old", c1.snapshotId());
    assertEquals(c1.snapshotId(), created.snapshotId());
    Branchable old = main.checkout("old");
    assertEquals(c1.snapshotId(), old.snapshotId());
    String content = fx.read(old);
    assertSees(content, "alpha01", "old");
    assertHides(content, "bravo02", "old");
  }

  @Test
  void creatingAnExistingBranchIsDuplicateObject() {
    Branchable main = branchable();
    main.branch("twice", null);
    assertSqlState("42710", () -> main.branch("twice", null));
    assertSqlState("42704", () -> main.branch("other", "no-such-branch"));
  }

  @Test
  void deleteBranchRemovesItButNotMain() {
    Branchable main = branchable();
    main.branch("doomed", null);
    main.deleteBranch("doomed");
    assertFalse(main.branches().contains("doomed"), () -> "branches: " + main.branches());
    assertThrows(SqlStateException.class, () -> main.deleteBranch("main"));
    assertTrue(main.branches().contains("main"));
    assertSqlState("42704", () -> main.deleteBranch("doomed"));
  }

  @Test
  void checkoutReturnsAValueOnTheOtherBranch() {
    Branchable main = branchable();
    SnapshotRef head = main.branch("other", null);
    Branchable other = main.checkout("other");
    assertEquals("other", other.currentBranch());
    assertEquals("main", main.currentBranch(), "checkout returns a new value; the old stays on main");
    assertEquals(head.snapshotId(), other.snapshotId());
    change(other, "other01");
    assertNotEquals(other.snapshotId(), main.snapshotId());
  }

  @Test
  void resetBranchPointsItAtAnOlderSnapshot() {
    Branchable main = branchable();
    SnapshotRef c1 = change(main, "alpha01");
    change(main, "bravo02");
    main.resetBranch("main", c1.snapshotId());
    assertEquals(c1.snapshotId(), main.snapshotId());
    assertHides(fx.read(main), "bravo02", "main after reset");
    assertSees(fx.read(main), "alpha01", "main after reset");
  }

  // ---- layer 3: graph ----

  @Test
  void historyAndAncestryFollowTheCommitsMade() {
    Graphable g = graph();
    Branchable main = branchable();
    String s0 = g.snapshotId();
    String c1 = change(sys, "alpha01").snapshotId();
    String c2 = change(sys, "bravo02").snapshotId();
    String c3 = change(sys, "charl03").snapshotId();
    assertEquals(List.of(c3, c2, c1, s0), g.history(4));
    assertEquals(List.of(c3, c2), g.history(2));
    List<String> all = g.history(0);
    assertEquals(List.of(c3, c2, c1, s0), all.subList(0, 4));

    List<String> anc = g.ancestors(c3);
    assertFalse(anc.contains(c3), "ancestors excludes the snapshot itself");
    assertEquals(List.of(c2, c1, s0), anc.subList(0, 3));
    assertTrue(g.isAncestor(c1, c3));
    assertFalse(g.isAncestor(c3, c1));
    assertTrue(g.isAncestor(c2, c2), "a snapshot is its own ancestor for ancestor?");

    main.branch("side", c1);
    Branchable side = main.checkout("side");
    String x = change(side, "side001").snapshotId();
    assertEquals(Optional.of(c1), g.commonAncestor(c3, x));
    assertEquals(Optional.of(c1), g.commonAncestor(x, c3));
    assertEquals(Optional.of(c2), g.commonAncestor(c2, c3));
    assertFalse(g.isAncestor(x, c3));

    CommitGraph graph = g.commitGraph();
    assertEquals(c3, graph.heads().get("main"));
    assertEquals(x, graph.heads().get("side"));
    assertEquals(List.of(c2), graph.parents().get(c3));
    assertEquals(List.of(c1), graph.parents().get(x));
    assertTrue(graph.parents().containsKey(s0));
  }

  // ---- layer 4: merge and diff ----

  @Test
  void mergeOfADescendantFastForwards() {
    Mergeable m = mergeable();
    Branchable main = (Branchable) sys;
    main.branch("ahead", null);
    Branchable ahead = main.checkout("ahead");
    String x = change(ahead, "ahead01").snapshotId();
    MergeOutcome out = m.merge("ahead", MergePolicy.FAIL, "merge ahead");
    assertFalse(out.stopped());
    assertEquals("fast-forward", out.kind());
    assertEquals(x, out.snapshotId());
    assertEquals(x, m.snapshotId());
    assertSees(fx.read(sys), "ahead01", "main after fast-forward");
    assertEquals("up-to-date", m.merge("ahead", MergePolicy.FAIL, "again").kind());
  }

  @Test
  void mergeOfDivergentNonConflictingChangesKeepsBoth() {
    Mergeable m = mergeable();
    Branchable main = (Branchable) sys;
    main.branch("side", null);
    Branchable side = main.checkout("side");
    String theirs = change(side, "side001").snapshotId();
    String ours = change(main, "main001").snapshotId();
    MergeOutcome out = m.merge("side", MergePolicy.FAIL, "merge side");
    assertFalse(out.stopped(), () -> "conflicts: " + out.conflicts());
    assertEquals("merge", out.kind());
    assertTrue(out.conflicts().isEmpty());
    assertEquals(out.snapshotId(), m.snapshotId());
    assertEquals(List.of(ours, theirs), m.parentIds(out.snapshotId()), "merge parents: target first");
    String content = fx.read(sys);
    assertSees(content, "side001", "merged main");
    assertSees(content, "main001", "merged main");
    assertHides(fx.read(side), "main001", "side after merging it into main");
  }

  /** Main and {@code side} both overwrite the shared item since their common ancestor. */
  private Branchable conflictingBranches() {
    Branchable main = (Branchable) sys;
    overwriteAndCommit(main, "base001");
    main.branch("side", null);
    overwriteAndCommit(main.checkout("side"), "theirs1");
    overwriteAndCommit(main, "ours001");
    return main;
  }

  @Test
  void conflictingMergeUnderFailChangesNothingAndReportsConflicts() {
    Mergeable m = mergeable();
    conflictingBranches();
    String before = m.snapshotId();
    String content = fx.read(sys);
    String sideHead = ((Branchable) sys).checkout("side").snapshotId();
    List<Conflict> predicted = m.conflicts(before, sideHead);
    assertFalse(predicted.isEmpty(), "conflicts() sees the conflict without merging");
    assertEquals(sys.systemId(), predicted.get(0).systemId());
    MergeOutcome out = m.merge("side", MergePolicy.FAIL, "merge side");
    assertTrue(out.stopped());
    assertEquals("conflicts", out.kind());
    assertFalse(out.conflicts().isEmpty());
    assertEquals(before, m.snapshotId(), "a stopped merge moves nothing");
    assertEquals(content, fx.read(sys), "a stopped merge changes nothing");
  }

  @Test
  void oursKeepsTheTargetsSideOfAConflict() {
    Mergeable m = mergeable();
    conflictingBranches();
    MergeOutcome out = m.merge("side", MergePolicy.OURS, "merge side, ours");
    assertFalse(out.stopped());
    assertFalse(out.conflicts().isEmpty(), "the resolved conflicts are reported");
    String content = fx.read(sys);
    assertSees(content, "ours001", "main after OURS");
    assertHides(content, "theirs1", "main after OURS");
  }

  @Test
  void theirsTakesTheSourcesSideOfAConflict() {
    Mergeable m = mergeable();
    conflictingBranches();
    MergeOutcome out = m.merge("side", MergePolicy.THEIRS, "merge side, theirs");
    assertFalse(out.stopped());
    String content = fx.read(sys);
    assertSees(content, "theirs1", "main after THEIRS");
    assertHides(content, "ours001", "main after THEIRS");
  }

  @Test
  void diffListsTheChangeBetweenTwoSnapshots() {
    Mergeable m = mergeable();
    String c1 = change(sys, "alpha01").snapshotId();
    String c2 = change(sys, "bravo02").snapshotId();
    Delta d = m.diff(c1, c2);
    assertEquals(sys.systemId(), d.systemId());
    assertFalse(d.isEmpty());
    assertTrue(d.changes().stream().anyMatch(c -> c.kind() == Change.Kind.ADDED), () -> "changes: " + d.changes());
    assertTrue(d.changes().stream().anyMatch(c -> mentions(c, "bravo02")), () -> "changes: " + d.changes());
    assertTrue(m.diff(c2, c1).changes().stream().anyMatch(c -> c.kind() == Change.Kind.DELETED));
    assertTrue(m.diff(c2, c2).isEmpty(), "a snapshot does not differ from itself");
  }

  private static boolean mentions(Change c, String token) {
    return c.path().contains(token) || (c.after() != null && c.after().contains(token));
  }

  // ---- garbage collection ----

  @Test
  void gcKeepsEverythingReachableFromBranches() {
    require(Layer.GARBAGE_COLLECTABLE);
    GarbageCollectable gc = (GarbageCollectable) sys;
    Branchable main = branchable();
    String c1 = change(main, "alpha01").snapshotId();
    change(main, "bravo02");
    main.branch("kept", c1);
    Branchable kept = main.checkout("kept");
    change(kept, "kept001");
    main.branch("dropped", null);
    change(main.checkout("dropped"), "drop001");
    main.deleteBranch("dropped");
    String onMain = fx.read(main);
    String onKept = fx.read(kept);
    assertTrue(gc.gcRoots().containsAll(List.of(main.snapshotId(), kept.snapshotId())), () -> "roots: " + gc.gcRoots());
    gc.gcSweep();
    assertEquals(onMain, fx.read(main));
    assertEquals(onKept, fx.read(kept));
    assertSees(fx.read(main.asOf(c1)), "alpha01", "an ancestor of main after gc");
    change(main, "after01");
    assertSees(fx.read(main), "after01", "main after gc");
  }

  // ---- layer 5: overlays ----

  private Overlayable overlayable() {
    require(Layer.OVERLAYABLE);
    return (Overlayable) sys;
  }

  @Test
  void frozenOverlayNeverSeesTheParentsLaterCommits() {
    Overlayable o = overlayable();
    String base = change(sys, "base001").snapshotId();
    Overlay ov = o.overlay(OverlayMode.FROZEN);
    assertEquals(OverlayMode.FROZEN, ov.mode());
    assertEquals("main", ov.parentBranch());
    assertEquals(base, ov.baseRef());
    change(ov.view(), "mine001");
    String parentHead = change(sys, "parent1").snapshotId();
    String seen = fx.read(ov.view());
    assertSees(seen, "base001", "frozen overlay");
    assertSees(seen, "mine001", "frozen overlay");
    assertHides(seen, "parent1", "frozen overlay");
    assertHides(fx.read(sys), "mine001", "the parent before merge-down");
    assertEquals(base, ov.baseRef());
    assertEquals(parentHead, ov.peek(), "peek shows the parent's head without advancing");
    assertFalse(ov.overlayWrites().isEmpty());
  }

  @Test
  void followingOverlaySeesTheParentsLatestUnderItsOwnWrites() {
    Overlayable o = overlayable();
    change(sys, "base001");
    Overlay ov = o.overlay(OverlayMode.FOLLOWING);
    change(ov.view(), "mine001");
    String parentHead = change(sys, "parent1").snapshotId();
    String seen = fx.read(ov.view());
    assertSees(seen, "parent1", "following overlay");
    assertSees(seen, "mine001", "following overlay");
    assertEquals(parentHead, ov.baseRef(), "a following overlay reads through the parent's head");
    assertHides(fx.read(sys), "mine001", "the parent before merge-down");
  }

  @Test
  void gatedOverlaySeesTheParentAsOfItsLastAdvance() {
    Overlayable o = overlayable();
    String base = change(sys, "base001").snapshotId();
    Overlay ov = o.overlay(OverlayMode.GATED);
    change(ov.view(), "mine001");
    String parentHead = change(sys, "parent1").snapshotId();
    assertHides(fx.read(ov.view()), "parent1", "gated overlay before advance");
    assertEquals(base, ov.baseRef());
    ov.advance();
    assertEquals(parentHead, ov.baseRef());
    String seen = fx.read(ov.view());
    assertSees(seen, "parent1", "gated overlay after advance");
    assertSees(seen, "mine001", "gated overlay after advance");
  }

  @Test
  void mergeDownPushesTheOverlaysWritesAndClosesIt() {
    Overlayable o = overlayable();
    var before = branchesIfAny();
    Overlay ov = o.overlay(OverlayMode.GATED);
    change(ov.view(), "mine001");
    change(sys, "parent1");
    MergeOutcome out = ov.mergeDown("from overlay");
    assertFalse(out.stopped(), () -> "conflicts: " + out.conflicts());
    String content = fx.read(sys);
    assertSees(content, "mine001", "parent after merge-down");
    assertSees(content, "parent1", "parent after merge-down");
    assertEquals(out.snapshotId(), ((Snapshotable) sys).snapshotId());
    assertSqlState("55000", () -> ov.mergeDown("again"));
    assertSqlState("55000", ov::baseRef);
    assertEquals(before, branchesIfAny(), "overlays leave no branches behind");
  }

  @Test
  void discardAbandonsTheOverlaysWrites() {
    Overlayable o = overlayable();
    var before = branchesIfAny();
    String head = change(sys, "base001").snapshotId();
    Overlay ov = o.overlay(OverlayMode.FROZEN);
    change(ov.view(), "mine001");
    ov.discard();
    assertHides(fx.read(sys), "mine001", "parent after discard");
    assertEquals(head, ((Snapshotable) sys).snapshotId());
    assertSqlState("55000", ov::overlayWrites);
    assertEquals(before, branchesIfAny(), "overlays leave no branches behind");
  }

  private Object branchesIfAny() {
    return sys instanceof Branchable b ? b.branches() : List.of();
  }

  // ---- watch ----

  @Test
  void watchDeliversCommitAndBranchEvents() throws Exception {
    require(Layer.WATCHABLE);
    Branchable main = branchable();
    BlockingQueue<SystemEvent> events = new LinkedBlockingQueue<>();
    try (AutoCloseable handle = ((Watchable) sys).watch(events::add)) {
      main.branch("watched", null);
      String c = change(main, "watch01").snapshotId();
      main.deleteBranch("watched");
      SystemEvent created = next(events, SystemEvent.BRANCH_CREATED, "watched");
      assertEquals(sys.systemId(), created.systemId());
      assertNotNull(created.ref());
      SystemEvent commit = next(events, SystemEvent.COMMIT, "main");
      assertEquals(c, commit.ref().snapshotId());
      assertNotNull(next(events, SystemEvent.BRANCH_DELETED, "watched"));
    }
  }

  /** The next event of this type and branch, skipping others; fails if none arrives in time. */
  private static SystemEvent next(BlockingQueue<SystemEvent> events, String type, String branch)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EVENT_WAIT_SECONDS);
    List<SystemEvent> skipped = new ArrayList<>();
    while (true) {
      SystemEvent e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + type + " event for " + branch + "; saw " + skipped);
      }
      if (e.type().equals(type) && branch.equals(e.branch())) {
        return e;
      }
      skipped.add(e);
    }
  }

  // ---- clocks and concurrency ----

  @Test
  void hlcsOfSuccessiveCommitsStrictlyIncrease() {
    Snapshotable s = snap();
    Hlc last = s.snapshotRef(s.snapshotId()).hlc();
    for (int i = 0; i < 5; i++) {
      SnapshotRef c = change(sys, "hlc" + (char) ('a' + i) + "tok" + i);
      Hlc now = s.snapshotRef(c.snapshotId()).hlc();
      assertTrue(now.isAfter(last), () -> "HLC " + now + " should follow the previous commit's");
      last = now;
    }
  }

  @Test
  void commitsOnTwoBranchesFromTwoThreadsBothSucceedInIsolation() throws Exception {
    Branchable main = branchable();
    main.branch("left", null);
    main.branch("right", null);
    Branchable left = main.checkout("left");
    Branchable right = main.checkout("right");
    int rounds = 5;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> l = pool.submit(() -> commitRounds(start, left, "lft", rounds));
      Future<?> r = pool.submit(() -> commitRounds(start, right, "rgt", rounds));
      start.countDown();
      l.get(2, TimeUnit.MINUTES);
      r.get(2, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    String onLeft = fx.read(left);
    String onRight = fx.read(right);
    for (int i = 0; i < rounds; i++) {
      assertSees(onLeft, "lft" + i + "x", "left");
      assertHides(onLeft, "rgt" + i + "x", "left");
      assertSees(onRight, "rgt" + i + "x", "right");
      assertHides(onRight, "lft" + i + "x", "right");
    }
    if (sys instanceof Graphable g) {
      assertEquals(rounds, g.ancestors(left.snapshotId()).size() - g.ancestors(main.snapshotId()).size());
    }
  }

  private Void commitRounds(CountDownLatch start, Branchable on, String prefix, int rounds) throws InterruptedException {
    start.await();
    for (int i = 0; i < rounds; i++) {
      change(on, prefix + i + "x");
    }
    return null;
  }

  // ---- content addressing ----

  @Test
  void equalContentHasEqualContentHash() {
    require(Layer.ADDRESSABLE);
    Addressable a = (Addressable) sys;
    Branchable main = branchable();
    String s0 = main.snapshotId();
    main.branch("twin", s0);
    String c1 = change(main, "same001").snapshotId();
    String c2 = change(main.checkout("twin"), "same001").snapshotId();
    Optional<String> h1 = a.contentHash(c1);
    assertTrue(h1.isPresent(), "an addressable system hashes its snapshots");
    assertEquals(h1, a.contentHash(c2), "the same change on the same base gives the same content");
    assertNotEquals(h1, a.contentHash(s0));
  }
}
