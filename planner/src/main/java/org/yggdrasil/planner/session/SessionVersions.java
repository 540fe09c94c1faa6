package org.yggdrasil.planner.session;

import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.VersionControl;
import org.yggdrasil.storage.nativestore.CommitMeta;
import org.yggdrasil.storage.nativestore.MergeConflict;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.MergeStrategy;
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
  /** The conflicts of this session's last merge, cherry-pick or revert. */
  private List<Object[]> lastConflicts = List.of();
  /** The attached systems: branch operations apply to them too (composite branching). */
  private final org.yggdrasil.planner.attach.CompositeVersions composite;
  private org.yggdrasil.planner.attach.SessionSystems systems;
  /** The session's overlay (SET ygg.overlay), open or not. */
  private org.yggdrasil.planner.attach.SessionOverlay overlay;

  SessionVersions(NativeDatabase database, SessionSettings settings,
      TransactionContext transaction) {
    this.database = database;
    this.settings = settings;
    this.transaction = transaction;
    this.composite = new org.yggdrasil.planner.attach.CompositeVersions(database);
  }

  void systems(org.yggdrasil.planner.attach.SessionSystems systems) {
    this.systems = systems;
  }

  /** Makes the session's overlay; its hidden branches are named after {@code processId}. */
  void overlays(int processId) {
    overlay = new org.yggdrasil.planner.attach.SessionOverlay(database, composite, processId,
        new org.yggdrasil.planner.attach.SessionOverlay.Host() {
          @Override
          public void switchTo(String branch, String overlayMode) {
            settings.set("ygg.branch", branch, false, transaction.inBlock());
            settings.set("ygg.overlay", overlayMode, false, transaction.inBlock());
          }

          @Override
          public void checkIdle(String what) {
            if (transaction.inBlock() || transaction.hasWrites()) {
              throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
                  what + " cannot run inside a transaction block or after uncommitted writes",
                  null, "COMMIT or ROLLBACK first.", 0, null);
            }
          }

          @Override
          public String finish(MergeResult r, String what) {
            return SessionVersions.this.finish(r, what);
          }

          @Override
          public void conflicts(List<Object[]> rows) {
            lastConflicts = List.copyOf(rows);
          }
        });
  }

  @Override
  public org.yggdrasil.planner.attach.SessionOverlay overlay() {
    return overlay;
  }

  @Override
  public org.yggdrasil.planner.attach.SessionSystems systems() {
    return systems;
  }

  @Override
  public List<Object[]> diffSystems(String from, String to) {
    return composite.diff(snapshotAt(from), snapshotAt(to));
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
    composite.createBranch(name, from);
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
    composite.resetBranch(name, ref);
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
    var head = database.snapshot(currentBranch());
    return database.gc() + composite.gcMembers(head);
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
  public org.yggdrasil.storage.nativestore.Snapshot snapshotAt(String refOrTime) {
    try {
      return database.snapshotAt(refOrTime);
    } catch (SqlStateException e) {
      if (e.state() != SqlState.UNDEFINED_OBJECT || !refOrTime.matches("\\d{4}-.*")) {
        throw e;
      }
      var t = (java.time.OffsetDateTime) org.yggdrasil.planner.schema.AssignmentCast.parse(
          refOrTime, org.yggdrasil.storage.nativestore.ColumnType.TIMESTAMPTZ);
      return database.snapshotAt(database.commitAsOf(currentBranch(), t.toInstant()));
    }
  }

  @Override
  public List<Object[]> diff(String from, String to, String table) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (var c : database.diffSchema(from, to, table)) {
      rows.add(new Object[] {c.table(), c.kind().words(),
          c.column() == null ? null : JsonText.of(Map.of("column", c.column())),
          c.before() == null ? null : JsonText.of(Map.of("type", c.before())),
          c.after() == null ? null : JsonText.of(Map.of("type", c.after()))});
    }
    for (var c : database.diffRows(from, to, table)) {
      rows.add(new Object[] {c.table(), c.kind().word(), JsonText.of(c.key()),
          JsonText.of(c.before()), JsonText.of(c.after())});
    }
    if (table == null) {
      rows.addAll(org.yggdrasil.planner.model.ModelDiff.rows(database.snapshotAt(from),
          database.snapshotAt(to)));
    }
    return rows;
  }

  @Override
  public String merge(String source, String target, String strategy) {
    checkNoPendingWrites(target, "merge into");
    return composite.merge(source, target, strategy, this::finish,
        rows -> lastConflicts = List.copyOf(rows));
  }

  @Override
  public String cherryPick(String commit, String target, String strategy, boolean invert) {
    checkNoPendingWrites(target, invert ? "revert on" : "cherry-pick onto");
    return composite.cherryPick(commit, target, strategy, invert, this::finish,
        rows -> lastConflicts = List.copyOf(rows));
  }

  /** Remembers the conflicts; YG001 when they stopped the operation. */
  private String finish(MergeResult r, String what) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (MergeConflict c : r.conflicts()) {
      Object[] catalogRow = org.yggdrasil.planner.model.CatalogConflictRow.of(c);
      if (catalogRow != null) {
        rows.add(catalogRow);
        continue;
      }
      rows.add(new Object[] {c.table(), c.kind(), JsonText.of(c.key()), JsonText.of(c.base()),
          JsonText.of(c.ours()), JsonText.of(c.theirs()), c.detail()});
    }
    lastConflicts = List.copyOf(rows);
    if (r.commitId() == null) {
      int n = r.conflicts().size();
      throw new SqlStateException(SqlState.MERGE_CONFLICT,
          what + " stopped by " + n + (n == 1 ? " conflict" : " conflicts"), null,
          "SELECT * FROM ygg.conflicts lists them; resolve them on either branch, or merge"
              + " again with strategy 'ours' or 'theirs'.", 0, null);
    }
    return r.commitId();
  }

  @Override
  public List<Object[]> conflicts() {
    return lastConflicts;
  }

  private void checkNoPendingWrites(String branch, String what) {
    if (branch.equals(currentBranch()) && transaction.hasWrites()) {
      throw new SqlStateException(SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot " + what + " branch \"" + branch + "\" while this transaction has"
              + " uncommitted writes on it", null, "COMMIT or ROLLBACK first.", 0, null);
    }
  }

  @Override
  public void deleteBranch(String name) {
    if (name.equals(currentBranch())) {
      throw new SqlStateException(SqlState.OBJECT_IN_USE,
          "cannot delete branch \"" + name + "\": this session is on it", null,
          "RESET ygg.branch or SET ygg.branch to another branch first.", 0, null);
    }
    composite.deleteBranch(name);
  }
}
