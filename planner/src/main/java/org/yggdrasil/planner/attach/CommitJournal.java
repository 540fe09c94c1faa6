package org.yggdrasil.planner.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.compose.CompositeSystem;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.disk.AtomicFiles;

/**
 * The durable prepare record of a composite change (commit or merge) that changes members before
 * the database records them: which branch, and per member the head before its step and, once the
 * step ran, the head after. It is written (fsync, atomic rename) before each member changes and
 * after each member changed, and deleted once the database commit recording the new heads is
 * durable. A crash in between leaves it behind for {@link CompositeRecovery} to read when the
 * database opens again. In-memory databases keep none: they cannot be reopened.
 */
final class CommitJournal {
  static final String FILE = "composite-commit.journal";

  /** One member's step: {@code after} stays null until the member changed. */
  record Step(String member, String before, String after) {}

  /** A parsed journal: the branch the change was made on and its member steps, in order. */
  record Record(String branch, List<Step> steps) {}

  private final Path file;

  /** A journal in {@code dir}; null keeps none. */
  CommitJournal(Path dir) {
    this.file = dir == null ? null : dir.resolve(FILE);
  }

  /** Starts the record of a change on {@code branch}; {@link Pending#done()} removes it. */
  Pending begin(String branch) {
    return new Pending(branch);
  }

  /** The record a crash left behind, or null. */
  Record read() {
    if (file == null || !Files.exists(file)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).startsWith("branch\t")) {
        return null; // torn before its first complete write: no member had changed
      }
      String branch = lines.get(0).substring("branch\t".length());
      List<Step> steps = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length == 4 && f[0].equals("member")) {
          steps.add(new Step(f[1], nullable(f[2]), nullable(f[3])));
        }
      }
      return new Record(branch, steps);
    } catch (IOException e) {
      throw new SqlStateException(SqlState.IO_ERROR,
          "cannot read the composite commit journal " + file + ": " + e.getMessage());
    }
  }

  void delete() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new SqlStateException(SqlState.IO_ERROR,
            "cannot remove the composite commit journal " + file + ": " + e.getMessage());
      }
    }
  }

  private static String nullable(String s) {
    return s.isEmpty() ? null : s;
  }

  /** A change in progress; also the step log the composite reports member steps to. */
  final class Pending implements CompositeSystem.StepLog {
    private final String branch;
    private final Map<String, Step> steps = new LinkedHashMap<>();

    private Pending(String branch) {
      this.branch = branch;
    }

    @Override
    public void started(String memberId, String before) {
      steps.put(memberId, new Step(memberId, before, null));
      write();
    }

    @Override
    public void changed(String memberId, String after) {
      Step s = steps.get(memberId);
      steps.put(memberId, new Step(memberId, s == null ? null : s.before(), after));
      write();
    }

    /** The database recorded the change (or it was undone): nothing is left to reconcile. */
    void done() {
      if (!steps.isEmpty()) {
        delete();
      }
    }

    private void write() {
      if (file == null) {
        return;
      }
      StringBuilder b = new StringBuilder("branch\t").append(branch).append('\n');
      for (Step s : steps.values()) {
        b.append("member\t").append(s.member()).append('\t')
            .append(s.before() == null ? "" : s.before()).append('\t')
            .append(s.after() == null ? "" : s.after()).append('\n');
      }
      try {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new SqlStateException(SqlState.IO_ERROR,
            "cannot write the composite commit journal " + file + ": " + e.getMessage(), null,
            "Check the data directory's free space and permissions.", 0, null);
      }
    }
  }
}
