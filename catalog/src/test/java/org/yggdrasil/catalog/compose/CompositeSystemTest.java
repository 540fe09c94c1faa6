package org.yggdrasil.catalog.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Capabilities;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.SnapshotMeta;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.Snapshotable;

class CompositeSystemTest {
  /** Branches over opaque snapshot ids: all a composite needs to branch and undo. */
  static final class Refs implements Branchable {
    final String id;
    final Map<String, String> heads;
    final String branch;

    Refs(String id, Map<String, String> heads, String branch) {
      this.id = id;
      this.heads = heads;
      this.branch = branch;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.of(id, "refs", Layer.SNAPSHOTABLE, Layer.BRANCHABLE);
    }

    @Override
    public String snapshotId() {
      return heads.get(branch);
    }

    @Override
    public List<String> parentIds(String snapshotId) {
      return List.of();
    }

    @Override
    public SnapshotRef snapshotRef(String snapshotId) {
      return new SnapshotRef(id, snapshotId, List.of(), Hlc.ZERO, null);
    }

    @Override
    public SnapshotMeta snapshotMeta(String snapshotId) {
      return new SnapshotMeta(snapshotRef(snapshotId), Instant.EPOCH, "", "", branch);
    }

    @Override
    public Snapshotable asOf(String snapshotId) {
      return this;
    }

    @Override
    public SortedSet<String> branches() {
      return new TreeSet<>(heads.keySet());
    }

    @Override
    public String currentBranch() {
      return branch;
    }

    @Override
    public SnapshotRef branch(String name, String from) {
      String at = heads.getOrDefault(from, from);
      heads.put(name, at);
      return snapshotRef(at);
    }

    @Override
    public void deleteBranch(String name) {
      heads.remove(name);
    }

    @Override
    public void resetBranch(String name, String snapshotId) {
      heads.put(name, snapshotId);
    }

    @Override
    public Branchable checkout(String name) {
      return new Refs(id, heads, name);
    }
  }

  private static Refs refs(String id, String mainHead) {
    return new Refs(id, new TreeMap<>(Map.of("main", mainHead)), "main");
  }

  @Test
  void snapshotIdIsOrderIndependentAndContentDerived() {
    Map<String, String> a = new TreeMap<>(Map.of("git", "c1", "files", "f1"));
    Map<String, String> b = new java.util.LinkedHashMap<>();
    b.put("files", "f1");
    b.put("git", "c1");
    assertEquals(CompositeSystem.snapshotId(a), CompositeSystem.snapshotId(b));
    assertNotEquals(CompositeSystem.snapshotId(a),
        CompositeSystem.snapshotId(Map.of("git", "c1", "files", "f2")));
    assertNotEquals(CompositeSystem.snapshotId(Map.of("ab", "c")),
        CompositeSystem.snapshotId(Map.of("a", "bc")), "ids and snapshots stay apart");
    assertEquals(64, CompositeSystem.snapshotId(a).length());
  }

  @Test
  void branchesEveryMemberAtTheGivenSnapshots() {
    Refs x = refs("x", "x1");
    Refs y = refs("y", "y1");
    CompositeSystem c = new CompositeSystem(Map.of("x", x, "y", y));
    x.resetBranch("main", "x2");
    assertEquals(Map.of("x", "x1", "y", "y1"), c.branch("dev", Map.of("x", "x1")));
    assertEquals("x1", x.heads.get("dev"), "at the recorded snapshot, not the live head");
    c.deleteBranch("dev");
    assertFalse(y.heads.containsKey("dev"));
  }

  @Test
  void aFailingStepResetsTheMembersThatRan() {
    Refs x = refs("x", "x1");
    Refs y = refs("y", "y1");
    CompositeSystem c = new CompositeSystem(Map.of("x", x, "y", y));
    SortedMap<String, Supplier<String>> steps = new TreeMap<>();
    steps.put("x", () -> {
      x.resetBranch("main", "x2");
      return "x2";
    });
    steps.put("y", () -> {
      throw new IllegalStateException("y refuses");
    });
    assertThrows(IllegalStateException.class, () -> c.inOrder("main", steps));
    assertEquals("x1", x.heads.get("main"), "undone by branch reset");
    steps.put("y", () -> "y1");
    assertEquals(Map.of("x", "x2", "y", "y1"), c.inOrder("main", steps));
  }
}
