package org.yggdrasil.storage.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.tables.TableWriter;

/**
 * Main is the directory: snapshots copy it into the store, outside edits appear at the next
 * commit, branches are overlays in the store, and merging into main writes the directory.
 */
class FilesVersioningTest {
  @TempDir Path dir;
  @TempDir Path state;

  private FilesSystem open() {
    return new FilesSystemFactory().open("fs", Map.of("path", dir.toString()), state);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  private static List<Object[]> rows(FilesSystem fs, String table) {
    return FilesTablesTest.rows(fs, table);
  }

  private static List<Object> column(FilesSystem fs, String table, int c) {
    List<Object> out = new ArrayList<>();
    fs.rows(table).forEach(r -> out.add(r[c]));
    return out;
  }

  @Test
  void advertisesTheLayersItImplements() {
    FilesSystem fs = open();
    assertEquals("fs", fs.systemId());
    assertEquals("files", fs.systemType());
    for (Layer l : Layer.values()) {
      assertTrue(fs.capabilities().has(l), l.name());
    }
  }

  @Test
  void outsideEditsShowUpAtTheNextCommitAndOldSnapshotsKeepTheirContent() throws IOException {
    write("t.csv", "a\n1\n");
    FilesSystem fs = open();
    String first = fs.snapshotId();
    write("t.csv", "a\n1\n2\n");
    write("u.jsonl", "{\"b\":true}\n");
    assertEquals(List.of(1L), column(fs, "t", 0), "not seen before a commit");
    SnapshotRef second = fs.commit("pick up edits", "me");
    assertEquals(List.of(first), second.parentIds());
    assertEquals(List.of(1L, 2L), column(fs, "t", 0));
    assertEquals(List.of(true), column(fs, "u", 0));
    Files.delete(dir.resolve("t.csv"));
    fs.commit("deleted", "me");
    assertEquals(List.of("u"), fs.tables().stream().map(t -> t.name()).toList());
    assertEquals(List.of(1L), column(fs.asOf(first), "t", 0), "the store kept the old file");
    assertEquals(List.of(1L, 2L), column(fs.asOf(second.snapshotId()), "t", 0));
    assertEquals("pick up edits", fs.snapshotMeta(second.snapshotId()).message());
    assertEquals("main", fs.snapshotMeta(second.snapshotId()).branch());
  }

  @Test
  void committingAnUnchangedDirectoryMakesNoSnapshot() throws IOException {
    write("t.csv", "a\n1\n");
    FilesSystem fs = open();
    String head = fs.snapshotId();
    assertEquals(head, fs.commit("nothing", "").snapshotId());
    assertEquals(List.of(head), fs.history(0));
  }

  @Test
  void snapshotIdsAndContentHashesAreContentDerived() throws IOException {
    write("t.csv", "a\n1\n");
    FilesSystem fs = open();
    String root = fs.snapshotId();
    write("t.csv", "a\n2\n");
    String changed = fs.commit("2", "").snapshotId();
    write("t.csv", "a\n1\n");
    SnapshotRef back = fs.commit("back to 1", "");
    assertNotEquals(root, back.snapshotId(), "same content, different history");
    assertEquals(fs.contentHash(root), fs.contentHash(back.snapshotId()));
    assertEquals(fs.contentHash(root).orElseThrow(), back.contentHash());
    assertNotEquals(fs.contentHash(root), fs.contentHash(changed));
    assertTrue(back.hlc().isAfter(fs.snapshotRef(changed).hlc()));
    assertTrue(fs.contentHash("no-such-snapshot").isEmpty());
  }

  @Test
  void writesOnMainRewriteTheFileKeepingHeaderAndUntouchedRows() throws IOException {
    write("p.csv", "Id,Name,Score\n1,\"Ann\",1.5\n2,Bob,2.5\n3,Cy,3.5\n");
    write("e.jsonl", "{\"id\": 1,  \"x\": \"a\"}\n{\"id\": 2, \"x\": \"b\"}\n");
    FilesSystem fs = open();
    String before = fs.snapshotId();
    TableWriter w = fs.writer();
    w.insert("p", new Object[] {4, "Dee, \"D\"", 4.0});
    w.update("p", new Object[] {2L, "Bob", 2.5}, new Object[] {2L, "Bob", 9.5});
    w.delete("p", new Object[] {3L, "Cy", 3.5});
    w.delete("e", new Object[] {2L, "b"});
    w.insert("e", new Object[] {3L, null});
    assertEquals(4, FilesTablesTest.rows(fs, "p").size() + 1, "staged writes are not visible");
    List<Object[]> staged = new ArrayList<>();
    w.rows("p").forEach(staged::add);
    assertEquals(3, staged.size());
    SnapshotRef ref = w.commit("edit", "tester");
    assertEquals(List.of(before), ref.parentIds());
    assertEquals(ref.snapshotId(), fs.snapshotId());
    assertEquals("Id,Name,Score\n1,\"Ann\",1.5\n2,Bob,9.5\n4,\"Dee, \"\"D\"\"\",4.0\n", read("p.csv"));
    assertEquals("{\"id\": 1,  \"x\": \"a\"}\n{\"id\":3,\"x\":null}\n", read("e.jsonl"));
    assertArrayEquals(new Object[] {4L, "Dee, \"D\"", 4.0}, rows(fs, "p").get(2));
    assertEquals(ref.snapshotId(), fs.commit("again", "").snapshotId(),
        "the directory already is the new snapshot");
    assertTrue(w.isEmpty());
  }

  @Test
  void writerRejectsRowsThatNoLongerExistAndOutsideEditsOfTheSameFile() throws IOException {
    write("p.csv", "a\n1\n");
    FilesSystem fs = open();
    TableWriter w = fs.writer();
    SqlStateException gone = assertThrows(SqlStateException.class,
        () -> w.delete("p", new Object[] {7L}));
    assertEquals(SqlState.SERIALIZATION_FAILURE, gone.state());
    w.insert("p", new Object[] {2L});
    write("p.csv", "a\n1\n5\n");
    SqlStateException e = assertThrows(SqlStateException.class, () -> w.commit("x", ""));
    assertEquals(SqlState.SERIALIZATION_FAILURE, e.state());
    assertEquals("a\n1\n5\n", read("p.csv"), "the outside edit is kept");
    assertEquals(List.of(1L, 5L), column(fs, "p", 0), "and recorded in a snapshot");
    SqlStateException bad = assertThrows(SqlStateException.class,
        () -> fs.writer().insert("p", new Object[] {"not a number"}));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, bad.state());
  }

  @Test
  void branchWritesStayInTheStoreAndNeverTouchTheDirectory() throws IOException {
    write("t.csv", "a\n1\n");
    FilesSystem main = open();
    String base = main.snapshotId();
    SnapshotRef b = main.branch("dev", null);
    assertEquals(base, b.snapshotId());
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.insert("t", new Object[] {2L});
    SnapshotRef ref = w.commit("on dev", "");
    assertEquals("a\n1\n", read("t.csv"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("t.csv"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals(List.of(1L, 2L), column(dev, "t", 0));
    assertEquals(List.of(1L), column(main, "t", 0));
    assertEquals(base, main.snapshotId());
    assertEquals(List.of(base), ref.parentIds());
    assertEquals("dev", dev.currentBranch());
    assertEquals(List.of("dev", "main"), List.copyOf(main.branches()));
    assertEquals(ref.snapshotId(), dev.commit("nothing pending", "").snapshotId());
  }

  @Test
  void mergingIntoMainWritesTheMergedFilesIntoTheDirectory() throws IOException {
    write("a.csv", "x\n1\n");
    write("b.csv", "y\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.insert("a", new Object[] {2L});
    w.commit("dev adds to a", "");
    write("b.csv", "y\n1\n3\n");
    main.commit("main edits b outside", "");
    String mainHead = main.snapshotId();
    MergeOutcome m = main.merge("dev", MergePolicy.FAIL, "merge dev");
    assertEquals("merge", m.kind());
    assertEquals(List.of(mainHead, dev.snapshotId()), main.parentIds(m.snapshotId()));
    assertEquals("x\n1\n2\n", read("a.csv"));
    assertEquals("y\n1\n3\n", read("b.csv"));
    assertEquals(m.snapshotId(), main.commit("", "").snapshotId(), "directory equals the merge");
    assertEquals("up-to-date", main.merge("dev", MergePolicy.FAIL, "").kind());
    MergeOutcome ff = dev.merge("main", MergePolicy.FAIL, "");
    assertEquals("fast-forward", ff.kind());
    assertEquals(m.snapshotId(), dev.snapshotId());
    assertEquals(main.commonAncestor(mainHead, m.snapshotId()).orElseThrow(), mainHead);
    assertTrue(main.isAncestor(mainHead, m.snapshotId()));
  }

  @Test
  void fastForwardOfMainWritesAddedAndRemovedFiles() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.insert("a", new Object[] {5L});
    w.commit("", "");
    MergeOutcome ff = main.merge("dev", MergePolicy.FAIL, "");
    assertEquals("fast-forward", ff.kind());
    assertEquals(dev.snapshotId(), main.snapshotId());
    assertEquals("x\n1\n5\n", read("a.csv"));
  }

  @Test
  void bothSidesChangingTheSameRowIsAConflict() throws IOException {
    write("a.csv", "x,y\n1,a\n2,b\n");
    write("b.csv", "y\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.update("a", new Object[] {1L, "a"}, new Object[] {1L, "dev"});
    w.insert("b", new Object[] {2L});
    w.commit("dev", "");
    write("a.csv", "x,y\n1,main\n2,b\n");
    String mainHead = main.commit("main", "").snapshotId();
    List<Conflict> predicted = main.conflicts(mainHead, "dev");
    assertEquals(List.of("a.csv"), predicted.stream().map(Conflict::path).toList());
    MergeOutcome stopped = main.merge("dev", MergePolicy.FAIL, "");
    assertTrue(stopped.stopped());
    assertEquals("conflicts", stopped.kind());
    Conflict c = stopped.conflicts().getFirst();
    assertEquals("fs", c.systemId());
    assertEquals(mainHead, main.snapshotId(), "nothing changed");
    assertEquals("x,y\n1,main\n2,b\n", read("a.csv"));
    assertEquals("y\n1\n", read("b.csv"));

    MergeOutcome theirs = main.merge("dev", MergePolicy.THEIRS, "take dev");
    assertEquals("merge", theirs.kind());
    assertEquals(1, theirs.conflicts().size());
    assertEquals("x,y\n1,dev\n2,b\n", read("a.csv"));
    assertEquals("y\n1\n2\n", read("b.csv"));
  }

  @Test
  void oursKeepsTheTargetsFile() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    TableWriter w = main.checkout("dev").writer();
    w.update("a", new Object[] {1L}, new Object[] {2L});
    w.commit("dev", "");
    write("a.csv", "x\n3\n");
    main.commit("main", "");
    assertEquals("merge", main.merge("dev", MergePolicy.OURS, "").kind());
    assertEquals("x\n3\n", read("a.csv"));
  }

  @Test
  void rowsBothSidesChangedApartMergeRecordByRecord() throws IOException {
    write("a.csv", "x,y\n1,a\n2,b\n3,c\n4,d\n");
    write("e.jsonl", "{\"k\":1}\n{\"k\":2}\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.update("a", new Object[] {1L, "a"}, new Object[] {1L, "dev"});
    w.delete("a", new Object[] {3L, "c"});
    w.insert("a", new Object[] {5L, "dev"});
    w.insert("e", new Object[] {3L});
    w.commit("dev", "");
    write("a.csv", "x,y\n1,a\n2,main\n3,c\n4,d\n6,main\n");
    write("e.jsonl", "{\"k\":1}\n{\"k\":2}\n{\"k\":4}\n");
    main.commit("main", "");
    MergeOutcome m = main.merge("dev", MergePolicy.FAIL, "");
    assertEquals("merge", m.kind(), () -> "conflicts: " + m.conflicts());
    assertTrue(m.conflicts().isEmpty());
    assertEquals("x,y\n1,dev\n2,main\n4,d\n6,main\n5,dev\n", read("a.csv"),
        "rows both sides appended are all kept, the target's first");
    assertEquals("{\"k\":1}\n{\"k\":2}\n{\"k\":4}\n{\"k\":3}\n", read("e.jsonl"));
  }

  @Test
  void aChangedCsvHeaderMergesOnlyAsAWholeFile() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    TableWriter w = main.checkout("dev").writer();
    w.insert("a", new Object[] {2L});
    w.commit("dev", "");
    write("a.csv", "z\n1\n");
    main.commit("main", "");
    MergeOutcome m = main.merge("dev", MergePolicy.FAIL, "");
    assertEquals("conflicts", m.kind());
    assertEquals("a.csv", m.conflicts().getFirst().path());
  }

  @Test
  void diffListsFileChanges() throws IOException {
    write("a.csv", "x\n1\n");
    write("b.csv", "y\n1\n");
    FilesSystem fs = open();
    String first = fs.snapshotId();
    write("a.csv", "x\n2\n");
    Files.delete(dir.resolve("b.csv"));
    write("c.jsonl", "{}\n");
    String second = fs.commit("", "").snapshotId();
    Delta d = fs.diff(first, second);
    assertEquals(List.of(Change.Kind.MODIFIED, Change.Kind.DELETED, Change.Kind.ADDED),
        d.changes().stream().map(Change::kind).toList());
    assertEquals(List.of("a.csv", "b.csv", "c.jsonl"), d.changes().stream().map(Change::path).toList());
    assertTrue(fs.diff(second, second).isEmpty());
  }

  @Test
  void resettingMainRewritesTheDirectory() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem fs = open();
    String first = fs.snapshotId();
    write("a.csv", "x\n2\n");
    write("n.csv", "z\n1\n");
    fs.commit("", "");
    fs.resetBranch("main", first);
    assertEquals(first, fs.snapshotId());
    assertEquals("x\n1\n", read("a.csv"));
    assertFalse(Files.exists(dir.resolve("n.csv")));
  }

  @Test
  void branchErrors() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem fs = open();
    fs.branch("dev", null);
    assertEquals(SqlState.DUPLICATE_OBJECT,
        assertThrows(SqlStateException.class, () -> fs.branch("dev", null)).state());
    assertEquals(SqlState.UNDEFINED_OBJECT,
        assertThrows(SqlStateException.class, () -> fs.checkout("nope")).state());
    assertEquals(SqlState.UNDEFINED_OBJECT,
        assertThrows(SqlStateException.class, () -> fs.branch("x", "no-such")).state());
    assertEquals(SqlState.UNDEFINED_OBJECT,
        assertThrows(SqlStateException.class, () -> fs.asOf("no-such")).state());
    assertEquals(SqlState.INVALID_PARAMETER_VALUE,
        assertThrows(SqlStateException.class, () -> fs.deleteBranch("main")).state());
    assertEquals(SqlState.READ_ONLY_SQL_TRANSACTION,
        assertThrows(SqlStateException.class, () -> fs.asOf(fs.snapshotId()).writer()).state());
    fs.deleteBranch("dev");
    assertEquals(List.of("main"), List.copyOf(fs.branches()));
  }

  @Test
  void garbageCollectionDeletesWhatNoBranchReaches() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.insert("a", new Object[] {2L});
    String devHead = w.commit("dev", "").snapshotId();
    assertEquals(0, main.gcSweep(), "everything is reachable");
    assertTrue(main.gcRoots().contains(devHead));
    main.deleteBranch("dev");
    assertEquals(2, main.gcSweep(), "dev's snapshot and its blob");
    assertThrows(SqlStateException.class, () -> main.asOf(devHead));
    assertEquals(List.of(1L), column(main, "a", 0));
    try (Stream<Path> blobs = Files.list(state.resolve("blobs"))) {
      assertEquals(1, blobs.count());
    }
  }

  @Test
  void everythingSurvivesARestart() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem first = open();
    String root = first.snapshotId();
    first.branch("dev", null);
    TableWriter w = first.checkout("dev").writer();
    w.insert("a", new Object[] {2L});
    String devHead = w.commit("dev", "").snapshotId();
    write("a.csv", "x\n9\n");

    FilesSystem again = open();
    assertEquals(root, again.snapshotId(), "reopening does not commit outside edits");
    assertEquals(List.of("dev", "main"), List.copyOf(again.branches()));
    FilesSystem dev = again.checkout("dev");
    assertEquals(devHead, dev.snapshotId());
    assertEquals(List.of(1L, 2L), column(dev, "a", 0));
    assertEquals(List.of(devHead, root), dev.history(0));
    SnapshotRef next = again.commit("after restart", "");
    assertTrue(next.hlc().isAfter(again.snapshotRef(devHead).hlc()), "the clock never goes back");
    assertEquals(List.of(9L), column(again, "a", 0));
  }

  @Test
  void watchersSeeCommitsAndBranchChanges() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem fs = open();
    List<SystemEvent> events = new ArrayList<>();
    try (AutoCloseable h = fs.watch(events::add)) {
      fs.branch("dev", null);
      TableWriter w = fs.checkout("dev").writer();
      w.insert("a", new Object[] {2L});
      String head = w.commit("", "").snapshotId();
      fs.deleteBranch("dev");
      assertEquals(List.of(SystemEvent.BRANCH_CREATED, SystemEvent.COMMIT, SystemEvent.BRANCH_DELETED),
          events.stream().map(SystemEvent::type).toList());
      assertEquals("dev", events.get(1).branch());
      assertEquals(head, events.get(1).ref().snapshotId());
      assertNull(events.get(2).ref());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    write("a.csv", "x\n3\n");
    fs.commit("", "");
    assertEquals(3, events.size(), "closing the handle stops events");
  }

  @Test
  void graphCoversEveryBranch() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem main = open();
    String root = main.snapshotId();
    main.branch("dev", null);
    TableWriter w = main.checkout("dev").writer();
    w.insert("a", new Object[] {2L});
    String devHead = w.commit("", "").snapshotId();
    var g = main.commitGraph();
    assertEquals(Map.of("main", root, "dev", devHead), g.heads());
    assertEquals(List.of(root), g.parents().get(devHead));
    assertEquals(List.of(), g.parents().get(root));
    assertEquals(List.of(root), main.ancestors(devHead));
  }

  @Test
  void putFilesAddsAndDeletesWholeFilesOnABranch() throws IOException {
    write("a.csv", "x\n1\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    Map<String, byte[]> files = new java.util.HashMap<>();
    files.put("n.jsonl", "{\"k\":1}\n".getBytes());
    files.put("a.csv", null);
    dev.putFiles(files, "swap", "");
    assertEquals(List.of("n"), dev.tables().stream().map(t -> t.name()).toList());
    assertEquals("x\n1\n", read("a.csv"));
    assertFalse(Files.exists(dir.resolve("n.jsonl")));
    assertEquals(SqlState.INVALID_PARAMETER_VALUE, assertThrows(SqlStateException.class,
        () -> dev.putFiles(Map.of("../x.csv", new byte[0]), "", "")).state());
    assertEquals(SqlState.BAD_COPY_FILE_FORMAT, assertThrows(SqlStateException.class,
        () -> dev.putFiles(Map.of("b.jsonl", "[1]".getBytes()), "", "")).state());
    main.merge("dev", MergePolicy.FAIL, "");
    assertFalse(Files.exists(dir.resolve("a.csv")), "merging into main deletes the file");
    assertEquals("{\"k\":1}\n", read("n.jsonl"));
  }
}
