package org.yggdrasil.storage.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.tables.TableWriter;

/**
 * Staged INSERT/UPDATE/DELETE of {@code files} on one branch, written as one Git commit on the
 * branch at {@link #commit}. The writes are based on the branch head when the writer started;
 * if the branch moved since, the commit goes on top of the new head unless the new commits
 * changed a path this writer changed (then 40001, as PostgreSQL's first-committer-wins).
 */
final class GitFilesWriter implements TableWriter {
  private final GitSystem branchView;
  private final GitStore store;
  private final String branch;
  private ObjectId base;
  private SortedMap<String, FileEntry> baseFiles;
  private final SortedMap<String, FileEdit> staged = new TreeMap<>();

  GitFilesWriter(GitSystem branchView, GitStore store, String branch) {
    this.branchView = branchView;
    this.store = store;
    this.branch = branch;
    this.base = store.existingHead(branch);
  }

  @Override
  public void insert(String table, Object[] row) {
    requireFiles(table);
    String path = FilePaths.validate(row[GitTables.PATH]);
    if (current(path) != null) {
      throw duplicate(path);
    }
    requireNoDirectoryClash(path);
    FileMode mode = FilePaths.mode(row[GitTables.MODE], FileMode.REGULAR_FILE);
    stage(newContent(path, mode, row));
  }

  @Override
  public void update(String table, Object[] oldRow, Object[] newRow) {
    requireFiles(table);
    String oldPath = (String) oldRow[GitTables.PATH];
    FileEntry old = current(oldPath);
    if (old == null) {
      throw GitErrors.serialization("file \"" + oldPath + "\" is no longer there");
    }
    String newPath = FilePaths.validate(newRow[GitTables.PATH]);
    FileMode mode = Objects.equals(newRow[GitTables.MODE], oldRow[GitTables.MODE])
        ? old.mode() : FilePaths.mode(newRow[GitTables.MODE], old.mode());
    FileEdit edit = changedContent(newPath, mode, oldRow, newRow, old);
    if (!newPath.equals(oldPath)) {
      if (current(newPath) != null) {
        throw duplicate(newPath);
      }
      stage(FileEdit.delete(oldPath));
      requireNoDirectoryClash(newPath);
    }
    stage(edit);
  }

  @Override
  public void delete(String table, Object[] row) {
    requireFiles(table);
    String path = (String) row[GitTables.PATH];
    if (current(path) != null) {
      stage(FileEdit.delete(path));
    }
  }

  @Override
  public boolean isEmpty() {
    return staged.isEmpty();
  }

  @Override
  public Iterable<Object[]> rows(String table) {
    if (!GitTables.FILES.equals(table)) {
      return branchView.asOf(base.name()).rows(table);
    }
    TreeSet<String> paths = new TreeSet<>(baseFiles().keySet());
    paths.addAll(staged.keySet());
    List<String> visible = new ArrayList<>();
    for (String path : paths) {
      FileEdit edit = staged.get(path);
      if (edit == null || !edit.isDelete()) {
        visible.add(path);
      }
    }
    GitRows reader = new GitRows(store);
    return GitRows.mapped(visible, path -> {
      FileEdit edit = staged.get(path);
      if (edit == null || edit.content() == null) {
        return reader.fileRow(current(path));
      }
      String mode = String.format("%06o", edit.mode().getBits());
      return GitRows.fileRow(path, mode, blobId(edit), edit.content());
    });
  }

  @Override
  public SnapshotRef commit(String message, String author) {
    if (staged.isEmpty()) {
      return branchView.snapshotRef(store.existingHead(branch).name());
    }
    store.writeLock.lock();
    try (ObjectInserter inserter = store.repo.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
      ObjectId head = store.head(branch);
      if (head == null) {
        throw GitErrors.serialization("branch \"" + branch + "\" was deleted");
      }
      if (!head.equals(base)) {
        requireUntouchedSinceBase(head);
      }
      ObjectId parentTree = GitTrees.treeOf(store.repo, head);
      ObjectId tree = GitTrees.apply(reader, inserter, parentTree, staged.values());
      if (tree.equals(parentTree)) {
        reset(head);
        return branchView.snapshotRef(head.name());
      }
      List<ObjectId> parents = head.equals(GitStore.EMPTY) ? List.of() : List.of(head);
      ObjectId commit = GitCommits.write(inserter, tree, parents, GitCommits.ident(author), message);
      inserter.flush();
      GitCommits.moveBranch(store, branch, head, commit, "commit (Yggdrasil)");
      reset(commit);
      SnapshotRef ref = branchView.snapshotRef(commit.name());
      store.publish(new SystemEvent(SystemEvent.COMMIT, store.systemId, branch, ref));
      return ref;
    } catch (IOException e) {
      throw GitErrors.io("cannot commit to branch \"" + branch + "\" of Git system \"" + store.systemId + "\"", e);
    } finally {
      store.writeLock.unlock();
    }
  }

  @Override
  public void rollback() {
    ObjectId head = store.head(branch);
    reset(head == null ? base : head);
  }

  private void reset(ObjectId newBase) {
    staged.clear();
    base = newBase;
    baseFiles = null;
  }

  /** 40001 when a commit since {@link #base} changed a path this writer changes. */
  private void requireUntouchedSinceBase(ObjectId head) throws IOException {
    List<Change> since = GitTrees.diff(store.repo, GitTrees.treeOf(store.repo, base), GitTrees.treeOf(store.repo, head));
    for (Change change : since) {
      for (String path : staged.keySet()) {
        if (FilePaths.overlap(path, change.path())) {
          throw GitErrors.serialization("file \"" + change.path() + "\" was changed on branch \"" + branch
              + "\" by commit " + head.name() + " after this transaction started");
        }
      }
    }
  }

  private SortedMap<String, FileEntry> baseFiles() {
    if (baseFiles == null) {
      try {
        baseFiles = GitTrees.files(store.repo, GitTrees.treeOf(store.repo, base));
      } catch (IOException e) {
        throw GitErrors.io("cannot read the files of " + base.name(), e);
      }
    }
    return baseFiles;
  }

  /** The file at {@code path} as the staged writes leave it, or null. */
  private FileEntry current(String path) {
    FileEdit edit = staged.get(path);
    if (edit == null) {
      return baseFiles().get(path);
    }
    return edit.isDelete() ? null : new FileEntry(path, edit.mode(), blobId(edit));
  }

  private static ObjectId blobId(FileEdit edit) {
    return edit.existingBlob() != null
        ? edit.existingBlob()
        : new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, edit.content());
  }

  private void stage(FileEdit edit) {
    FileEntry inBase = baseFiles().get(edit.path());
    boolean backToBase = inBase == null
        ? edit.isDelete()
        : !edit.isDelete() && inBase.mode().equals(edit.mode()) && inBase.blob().equals(blobId(edit));
    if (backToBase) {
      staged.remove(edit.path());
    } else {
      staged.put(edit.path(), edit);
    }
  }

  /** A path cannot be a file and a directory at once: 23505 if one of them is already taken. */
  private void requireNoDirectoryClash(String path) {
    for (String dir : FilePaths.parents(path)) {
      if (current(dir) != null) {
        throw new SqlStateException(SqlState.UNIQUE_VIOLATION,
            "file \"" + path + "\" cannot be created: \"" + dir + "\" is a file", null,
            "Delete or rename \"" + dir + "\" first.", 0, null);
      }
    }
    String prefix = path + "/";
    boolean isDirectory = baseFiles().subMap(prefix, path + "0").keySet().stream().anyMatch(p -> current(p) != null)
        || staged.subMap(prefix, path + "0").values().stream().anyMatch(e -> !e.isDelete());
    if (isDirectory) {
      throw new SqlStateException(SqlState.UNIQUE_VIOLATION,
          "file \"" + path + "\" cannot be created: it is a directory", null,
          "Delete the files under \"" + prefix + "\" first.", 0, null);
    }
  }

  /** The content an INSERT gives: {@code content} text, else {@code content_bytes}, else an existing blob. */
  private FileEdit newContent(String path, FileMode mode, Object[] row) {
    if (row[GitTables.CONTENT] != null) {
      return new FileEdit(path, mode, utf8(row[GitTables.CONTENT]), null);
    }
    if (row[GitTables.CONTENT_BYTES] != null) {
      return new FileEdit(path, mode, (byte[]) row[GitTables.CONTENT_BYTES], null);
    }
    if (row[GitTables.BLOB_ID] != null) {
      return new FileEdit(path, mode, null, existingBlob(row[GitTables.BLOB_ID]));
    }
    throw new SqlStateException(SqlState.NOT_NULL_VIOLATION,
        "null value in column \"content\" of relation \"files\" violates not-null constraint",
        "Failing row has path " + path + ".", "Give the file's content as content (text) or content_bytes (bytea).",
        0, null);
  }

  /**
   * The content an UPDATE gives: the column the statement changed ({@code content}, else
   * {@code content_bytes}, else {@code blob_id}); the old content when none changed.
   */
  private FileEdit changedContent(String path, FileMode mode, Object[] oldRow, Object[] newRow, FileEntry old) {
    boolean textChanged = !Objects.equals(oldRow[GitTables.CONTENT], newRow[GitTables.CONTENT]);
    boolean bytesChanged = !Arrays.equals((byte[]) oldRow[GitTables.CONTENT_BYTES], (byte[]) newRow[GitTables.CONTENT_BYTES]);
    if (textChanged && newRow[GitTables.CONTENT] != null) {
      return new FileEdit(path, mode, utf8(newRow[GitTables.CONTENT]), null);
    }
    if (bytesChanged && newRow[GitTables.CONTENT_BYTES] != null) {
      return new FileEdit(path, mode, (byte[]) newRow[GitTables.CONTENT_BYTES], null);
    }
    if (textChanged || bytesChanged) {
      return newContent(path, mode, new Object[] {path, null, null, null, null, null});
    }
    if (!Objects.equals(oldRow[GitTables.BLOB_ID], newRow[GitTables.BLOB_ID]) && newRow[GitTables.BLOB_ID] != null) {
      return new FileEdit(path, mode, null, existingBlob(newRow[GitTables.BLOB_ID]));
    }
    return new FileEdit(path, mode, null, old.blob());
  }

  private ObjectId existingBlob(Object id) {
    String text = id.toString();
    try {
      ObjectId blob = ObjectId.fromString(text);
      if (!store.repo.getObjectDatabase().has(blob)) {
        throw GitErrors.invalid("blob %s does not exist in Git system \"%s\"", text, store.systemId);
      }
      return blob;
    } catch (IllegalArgumentException e) {
      throw GitErrors.invalid("invalid blob id \"%s\": give 40 hexadecimal digits", text);
    } catch (IOException e) {
      throw GitErrors.io("cannot look up blob " + text, e);
    }
  }

  private static byte[] utf8(Object text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void requireFiles(String table) {
    if (!GitTables.FILES.equals(table)) {
      throw GitErrors.readOnlyTable(table);
    }
  }

  private static SqlStateException duplicate(String path) {
    return new SqlStateException(SqlState.UNIQUE_VIOLATION,
        "duplicate key value violates unique constraint \"files_pkey\"",
        "Key (path)=(" + path + ") already exists.", null, 0, null);
  }
}
