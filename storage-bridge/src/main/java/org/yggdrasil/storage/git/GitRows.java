package org.yggdrasil.storage.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/** The rows of a Git system's tables at one commit, in the column order of {@link GitTables}. */
final class GitRows {
  private final GitStore store;

  GitRows(GitStore store) {
    this.store = store;
  }

  /** The history of {@code at}, newest first (parents after their children). */
  List<Object[]> commits(ObjectId at) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    if (at.equals(GitStore.EMPTY)) {
      return rows;
    }
    try (RevWalk walk = new RevWalk(store.repo)) {
      walk.sort(RevSort.TOPO);
      walk.sort(RevSort.COMMIT_TIME_DESC, true);
      walk.markStart(walk.parseCommit(at));
      for (RevCommit c : walk) {
        PersonIdent author = c.getAuthorIdent();
        PersonIdent committer = c.getCommitterIdent();
        List<String> parents = new ArrayList<>();
        for (RevCommit p : c.getParents()) {
          parents.add(p.name());
        }
        rows.add(new Object[] {
          c.name(), String.join(" ", parents), author.getName(), author.getEmailAddress(),
          OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(CommitTime.millis(c)),
              committer.getZoneId()), CommitTime.message(c)
        });
      }
    }
    return rows;
  }

  /** The repository's branches (by protocol name) and tags, as they are now. */
  List<Object[]> refs() throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (Ref ref : store.refs(Constants.R_HEADS)) {
      String name = store.branchName(ref.getName());
      if (name != null && ref.getObjectId() != null) {
        rows.add(new Object[] {name, ref.getObjectId().name(), "branch"});
      }
    }
    for (Ref ref : store.refs(Constants.R_TAGS)) {
      Ref peeled = store.repo.getRefDatabase().peel(ref);
      ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
      if (target != null) {
        rows.add(new Object[] {ref.getName().substring(Constants.R_TAGS.length()), target.name(), "tag"});
      }
    }
    return rows;
  }

  /** The files of {@code at}'s tree; content is read as each row is reached. */
  Iterable<Object[]> files(ObjectId at) throws IOException {
    Collection<FileEntry> entries = GitTrees.files(store.repo, GitTrees.treeOf(store.repo, at)).values();
    return mapped(entries, this::fileRow);
  }

  Object[] fileRow(FileEntry entry) {
    if (entry.mode() == FileMode.GITLINK) {
      // A submodule: the entry names a commit of another repository, which holds no content here.
      return new Object[] {entry.path(), null, entry.modeText(), entry.blob().name(), null, null};
    }
    try {
      ObjectLoader loader = store.repo.open(entry.blob(), Constants.OBJ_BLOB);
      byte[] bytes = loader.getCachedBytes(Integer.MAX_VALUE);
      return fileRow(entry.path(), entry.modeText(), entry.blob(), bytes);
    } catch (IOException e) {
      throw GitErrors.io("cannot read " + entry.path() + " (blob " + entry.blob().name() + ")", e);
    }
  }

  static Object[] fileRow(String path, String mode, ObjectId blob, byte[] bytes) {
    return new Object[] {path, (long) bytes.length, mode, blob.name(), textOrNull(bytes), bytes};
  }

  /**
   * The content as text when it is UTF-8 without NUL bytes (PostgreSQL text cannot hold NUL),
   * else null: the file is binary and only {@code content_bytes} shows it.
   */
  static String textOrNull(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static <T> Iterable<Object[]> mapped(Collection<T> items, Function<T, Object[]> row) {
    return () -> new Iterator<>() {
      private final Iterator<T> it = items.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object[] next() {
        return row.apply(it.next());
      }
    };
  }
}
