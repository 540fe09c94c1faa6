package org.yggdrasil.storage.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.yggdrasil.catalog.protocol.Change;

/**
 * Tree operations on the object database alone (an in-core DirCache, never a work tree):
 * listing a commit's files, building a tree with edits applied, and diffing two snapshots.
 */
final class GitTrees {
  /** The id of the empty tree: the content of the empty snapshot. */
  static final ObjectId EMPTY_TREE = new ObjectInserter.Formatter().idFor(Constants.OBJ_TREE, new byte[0]);

  private GitTrees() {}

  /** The root tree of a commit; the empty tree for the empty snapshot. */
  static ObjectId treeOf(Repository repo, ObjectId commit) throws IOException {
    if (commit.equals(GitStore.EMPTY)) {
      return EMPTY_TREE;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(commit).getTree().copy();
    }
  }

  /** Every file of a tree (recursively), by path. */
  static SortedMap<String, FileEntry> files(Repository repo, ObjectId tree) throws IOException {
    SortedMap<String, FileEntry> files = new TreeMap<>();
    if (tree.equals(EMPTY_TREE)) {
      return files;
    }
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        files.put(walk.getPathString(), new FileEntry(walk.getPathString(), walk.getFileMode(0), walk.getObjectId(0)));
      }
    }
    return files;
  }

  /** The entry of one path in a tree, or null. */
  static FileEntry entry(Repository repo, ObjectId tree, String path) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
      return walk == null ? null : new FileEntry(path, walk.getFileMode(0), walk.getObjectId(0));
    }
  }

  /**
   * Writes the tree {@code base} with {@code edits} applied (their content written as blobs)
   * and returns its id. The caller flushes the inserter.
   */
  static ObjectId apply(ObjectReader reader, ObjectInserter inserter, ObjectId base, Collection<FileEdit> edits)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    if (!base.equals(EMPTY_TREE)) {
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base);
    }
    builder.finish();
    DirCacheEditor editor = index.editor();
    for (FileEdit edit : edits) {
      if (edit.isDelete()) {
        editor.add(new DirCacheEditor.DeletePath(edit.path()));
        continue;
      }
      ObjectId blob = edit.existingBlob() != null
          ? edit.existingBlob()
          : inserter.insert(Constants.OBJ_BLOB, edit.content());
      editor.add(new DirCacheEditor.PathEdit(edit.path()) {
        @Override
        public void apply(DirCacheEntry entry) {
          entry.setFileMode(edit.mode());
          entry.setObjectId(blob);
        }
      });
    }
    editor.finish();
    return index.writeTree(inserter);
  }

  /** The files that differ between two trees, by path (blob ids as renderings). */
  static List<Change> diff(Repository repo, ObjectId from, ObjectId to) throws IOException {
    List<Change> changes = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(from);
      walk.addTree(to);
      walk.setRecursive(true);
      walk.setFilter(TreeFilter.ANY_DIFF);
      while (walk.next()) {
        boolean before = walk.getRawMode(0) != 0;
        boolean after = walk.getRawMode(1) != 0;
        Change.Kind kind = !before ? Change.Kind.ADDED : !after ? Change.Kind.DELETED : Change.Kind.MODIFIED;
        changes.add(new Change(kind, walk.getPathString(),
            before ? walk.getObjectId(0).name() : null, after ? walk.getObjectId(1).name() : null));
      }
    }
    return changes;
  }
}
