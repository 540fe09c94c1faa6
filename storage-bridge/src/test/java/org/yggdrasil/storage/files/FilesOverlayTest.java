package org.yggdrasil.storage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.catalog.tables.TableWriter;

/** Overlays of main write to the store only, until merge-down writes the directory. */
class FilesOverlayTest {
  @TempDir Path dir;
  @TempDir Path state;

  private FilesSystem open() {
    return new FilesSystemFactory().open("fs", Map.of("path", dir.toString()), state);
  }

  @Test
  void overlayWritesStayOutOfTheDirectoryUntilMergeDown() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "a\n1\n");
    FilesSystem main = open();
    Overlay ov = main.overlay(OverlayMode.GATED);
    FilesSystem view = (FilesSystem) ov.view();
    TableWriter w = view.writer();
    w.insert("t", new Object[] {2L});
    w.commit("in overlay", "");
    assertEquals("a\n1\n", Files.readString(dir.resolve("t.csv")));
    assertEquals(List.of("main"), List.copyOf(main.branches()), "the overlay's branch is hidden");
    assertEquals(List.of("t.csv"), ov.overlayWrites().changes().stream().map(Change::path).toList());
    assertEquals(Change.Kind.MODIFIED, ov.overlayWrites().changes().getFirst().kind());
    Files.writeString(dir.resolve("u.csv"), "b\nx\n");
    main.commit("outside edit", "");
    assertFalse(view.tables().stream().anyMatch(t -> t.name().equals("u")), "gated: not advanced");
    ov.advance();
    assertTrue(view.tables().stream().anyMatch(t -> t.name().equals("u")));
    assertEquals(List.of("t.csv"), ov.overlayWrites().changes().stream().map(Change::path).toList(),
        "after advancing, the overlay's own writes are still just its own");
    MergeOutcome out = ov.mergeDown("down");
    assertFalse(out.stopped());
    assertEquals("a\n1\n2\n", Files.readString(dir.resolve("t.csv")));
    assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
        assertThrows(SqlStateException.class, ov::view).state());
  }

  @Test
  void overlaysLeftByAStoppedProcessAreDroppedOnReopen() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "a\n1\n");
    FilesSystem main = open();
    Overlay ov = main.overlay(OverlayMode.FROZEN);
    TableWriter w = ((FilesSystem) ov.view()).writer();
    w.insert("t", new Object[] {2L});
    w.commit("", "");
    FilesSystem again = open();
    assertEquals(2, again.gcSweep(), "the abandoned overlay's snapshot and file go");
    assertEquals(List.of("main"), List.copyOf(again.branches()));
  }

  @Test
  void overlayBranchNamesAreReserved() throws IOException {
    FilesSystem main = open();
    assertEquals(SqlState.INVALID_PARAMETER_VALUE,
        assertThrows(SqlStateException.class, () -> main.branch(".overlay/1", null)).state());
    main.overlay(OverlayMode.FROZEN);
    assertEquals(SqlState.UNDEFINED_OBJECT,
        assertThrows(SqlStateException.class, () -> main.checkout(".overlay/1")).state());
  }
}
