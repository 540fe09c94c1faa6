package org.yggdrasil.planner.session;

import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.VersionControl;
import org.yggdrasil.storage.nativestore.CommitMeta;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * A session's view of its database's versioning operations, for the {@code ygg.*} functions
 * and tables: refs move at once (not undone by ROLLBACK), and the session's own branch is
 * protected while it is in use.
 */
final class SessionVersions implements VersionControl {
  private final NativeDatabase database;
  private final SessionSettings settings;
  private final TransactionContext transaction;

  SessionVersions(NativeDatabase database, SessionSettings settings,
      TransactionContext transaction) {
    this.database = database;
    this.settings = settings;
    this.transaction = transaction;
  }

  @Override
  public String currentBranch() {
    return settings.get("ygg.branch");
  }

  @Override
  public List<String> branches() {
    return database.branches();
  }

  @Override
  public void createBranch(String name, String from) {
    database.createBranch(name, from);
  }

  @Override
  public String head(String branch) {
    return database.headCommit(branch);
  }

  @Override
  public String resetBranch(String name, String ref) {
    if (name.equals(currentBranch()) && transaction.hasWrites()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot reset branch \"" + name + "\" while this transaction has uncommitted writes"
              + " on it", null, "COMMIT or ROLLBACK first.", 0, null);
    }
    database.resetBranch(name, ref);
    return database.headCommit(name);
  }

  @Override
  public String tag(String name, String ref) {
    String id = database.resolve(ref);
    database.tag(name, id);
    return id;
  }

  @Override
  public Map<String, String> tags() {
    return database.tags();
  }

  @Override
  public String commitId() {
    return transaction.commitId();
  }

  @Override
  public List<CommitMeta> log(int limit) {
    String pin = settings.get("ygg.commit_id");
    return database.log(pin == null || pin.isEmpty() ? currentBranch() : pin, limit);
  }

  @Override
  public String verify() {
    return database.verify().toString();
  }

  @Override
  public long gc() {
    return database.gc();
  }

  @Override
  public List<String> ancestors(String ref) {
    return database.ancestors(ref);
  }

  @Override
  public String commonAncestor(String a, String b) {
    return database.commonAncestor(a, b);
  }

  @Override
  public void deleteBranch(String name) {
    if (name.equals(currentBranch())) {
      throw new SqlStateException(SqlState.OBJECT_IN_USE,
          "cannot delete branch \"" + name + "\": this session is on it", null,
          "RESET ygg.branch or SET ygg.branch to another branch first.", 0, null);
    }
    database.dropBranch(name);
  }
}
