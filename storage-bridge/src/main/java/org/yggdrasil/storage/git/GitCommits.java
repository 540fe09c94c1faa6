package org.yggdrasil.storage.git;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;

/** Writing commit objects and moving branch refs with compare-and-set, never a work tree. */
final class GitCommits {
  private static final Pattern NAME_AND_EMAIL = Pattern.compile("\\s*(.*?)\\s*<([^<>]*)>\\s*");
  static final String DEFAULT_AUTHOR = "Yggdrasil";

  private GitCommits() {}

  /**
   * Who a commit is by: {@code "Name <email>"} as Git writes it, or a bare name (a database role)
   * with an empty email.
   */
  static PersonIdent ident(String author) {
    String name = author == null || author.isBlank() ? DEFAULT_AUTHOR : author.strip();
    String email = "";
    Matcher m = NAME_AND_EMAIL.matcher(name);
    if (m.matches()) {
      name = m.group(1).isEmpty() ? DEFAULT_AUTHOR : m.group(1);
      email = m.group(2);
    }
    return new PersonIdent(name, email, Instant.now(), ZoneId.systemDefault());
  }

  static ObjectId write(ObjectInserter inserter, ObjectId tree, List<ObjectId> parents, PersonIdent who,
      String message) throws IOException {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    commit.setParentIds(parents);
    commit.setAuthor(who);
    commit.setCommitter(who);
    commit.setMessage(CommitTime.withTrailer(
        message == null || message.isBlank() ? "Yggdrasil commit\n" : withNewline(message),
        who.getWhenAsInstant()));
    return inserter.insert(commit);
  }

  private static String withNewline(String message) {
    return message.endsWith("\n") ? message : message + "\n";
  }

  /**
   * Points a branch at {@code to} if it still points at {@code expected} ({@link GitStore#EMPTY}:
   * does not exist yet; {@code to} EMPTY: delete it). 40001 when it moved meanwhile.
   */
  static void moveBranch(GitStore store, String branch, ObjectId expected, ObjectId to, String why) {
    try {
      RefUpdate update = store.repo.updateRef(store.refName(branch));
      update.setExpectedOldObjectId(expected);
      update.setRefLogMessage("ygg: " + why, false);
      RefUpdate.Result result;
      if (to.equals(GitStore.EMPTY)) {
        update.setForceUpdate(true);
        result = update.delete();
      } else {
        update.setNewObjectId(to);
        update.setForceUpdate(true);
        result = update.update();
      }
      switch (result) {
        case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
        case LOCK_FAILURE -> throw GitErrors.serialization(
            "branch \"" + branch + "\" moved while this write was being made");
        case REJECTED_CURRENT_BRANCH -> throw org.yggdrasil.catalog.error.SqlStateException.of(
            org.yggdrasil.catalog.error.SqlState.OBJECT_IN_USE,
            "cannot delete branch \"%s\": it is checked out in the repository's work tree", branch);
        default -> throw GitErrors.io("cannot move branch \"" + branch + "\"",
            new IOException("ref update " + result));
      }
    } catch (IOException e) {
      throw GitErrors.io("cannot move branch \"" + branch + "\"", e);
    }
  }
}
