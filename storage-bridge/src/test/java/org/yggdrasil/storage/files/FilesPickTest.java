package org.yggdrasil.storage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.tables.TableWriter;

/** One snapshot's change applied to (or taken back from) another branch, record by record. */
class FilesPickTest {
  @TempDir Path dir;
  @TempDir Path state;

  private FilesSystem open() {
    return new FilesSystemFactory().open("fs", Map.of("path", dir.toString()), state);
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void pickOntoMainWritesTheDirectoryAndRevertTakesItBack() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "x\n1\n2\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    TableWriter w = dev.writer();
    w.insert("a", new Object[] {3L});
    String before = dev.snapshotId();
    String change = w.commit("dev adds 3", "").snapshotId();
    TableWriter later = dev.writer();
    later.insert("a", new Object[] {4L});
    later.commit("dev adds 4", "");
    Files.writeString(dir.resolve("a.csv"), "x\n0\n1\n2\n"); // main edits outside meanwhile
    main.commit("outside edit", "");
    String mainHead = main.snapshotId();

    MergeOutcome picked = main.pick(before, change, MergePolicy.FAIL, "pick");
    assertEquals("pick", picked.kind());
    assertEquals(List.of(mainHead), main.parentIds(picked.snapshotId()));
    assertEquals("x\n0\n1\n2\n3\n", read("a.csv"), "only the picked record, on top of main's");

    main.pick(change, before, MergePolicy.FAIL, "revert");
    assertEquals("x\n0\n1\n2\n", read("a.csv"));
    assertEquals("up-to-date", main.pick(change, before, MergePolicy.FAIL, "again").kind());
  }

  @Test
  void aConflictingFailPickChangesNothing() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "k,v\n1,a\n");
    FilesSystem main = open();
    main.branch("dev", null);
    FilesSystem dev = main.checkout("dev");
    String before = dev.snapshotId();
    TableWriter w = dev.writer();
    w.update("a", new Object[] {1L, "a"}, new Object[] {1L, "dev"});
    String change = w.commit("dev", "").snapshotId();
    Files.writeString(dir.resolve("a.csv"), "k,v\n1,main\n");
    main.commit("main", "");
    String head = main.snapshotId();

    assertEquals(1, main.pickConflicts("main", before, change).size());
    MergeOutcome stopped = main.pick(before, change, MergePolicy.FAIL, "pick");
    assertNull(stopped.snapshotId());
    assertEquals("a.csv", stopped.conflicts().get(0).path());
    assertEquals(head, main.snapshotId());
    assertEquals("k,v\n1,main\n", read("a.csv"));
    main.pick(before, change, MergePolicy.THEIRS, "pick");
    assertEquals("k,v\n1,dev\n", read("a.csv"));
  }
}
