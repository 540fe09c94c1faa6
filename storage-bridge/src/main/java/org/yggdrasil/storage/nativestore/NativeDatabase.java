package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * One database's native store (in memory for now): named branches, each pointing at an immutable
 * {@link Snapshot}, and the database-wide counters (versions, row ids, table oids) that are not
 * versioned and never roll back, like PostgreSQL's sequences.
 *
 * <p>Concurrency: snapshot isolation per branch. {@link #begin} reads the branch head; readers
 * never block and snapshots never change. A commit is atomic under the branch's lock. First
 * committer wins: if the head moved since the transaction began, its changes are rebased onto the
 * new head when they are disjoint (different rows, different keys, no DDL on a table the other
 * side changed), else the commit fails with 40001; see {@link Rebaser} for the exact rules.
 */
public final class NativeDatabase {
  /** Table oids start here, as PostgreSQL's user objects do. */
  public static final long FIRST_OID = 16384;

  private final String name;
  private final StoreConfig config;
  private final AtomicLong versions = new AtomicLong();
  private final AtomicLong rowIds = new AtomicLong(1);
  private final AtomicLong oids = new AtomicLong(FIRST_OID);
  private final ConcurrentHashMap<String, Branch> branches = new ConcurrentHashMap<>();

  private NativeDatabase(String name, StoreConfig config) {
    this.name = name;
    this.config = config;
    long v = nextVersion();
    branches.put("main", new Branch("main", new DbState(v, v, new TreeMap<>())));
  }

  public static NativeDatabase inMemory(String name) {
    return new NativeDatabase(name, StoreConfig.DEFAULT);
  }

  /** For tests: a database whose chunks hold {@code chunkRows} rows. */
  static NativeDatabase inMemory(String name, int chunkRows) {
    return new NativeDatabase(name, new StoreConfig(chunkRows, -1L));
  }

  static NativeDatabase inMemory(String name, StoreConfig config) {
    return new NativeDatabase(name, config);
  }

  public String name() {
    return name;
  }

  /** The latest committed state of a branch; 42704 if there is no such branch. */
  public Snapshot snapshot(String branch) {
    return branch(branch).head;
  }

  /** A read-write transaction reading the branch as of now. */
  public Transaction begin(String branch) {
    Branch b = branch(branch);
    return new Transaction(this, b, b.head);
  }

  /** The oid of a table on branch main, or -1. */
  public long tableOid(String tableName) {
    TableState t = branch("main").head.table(tableName);
    return t == null ? -1 : t.oid;
  }

  /** Branch names, sorted. */
  public List<String> branches() {
    return branches.keySet().stream().sorted().toList();
  }

  /** Creates a branch pointing at another branch's head (O(1)). */
  public void createBranch(String newBranch, String fromBranch) {
    Branch from = branch(fromBranch);
    if (branches.putIfAbsent(newBranch, new Branch(newBranch, from.head)) != null) {
      throw SqlStateException.of(SqlState.DUPLICATE_OBJECT, "branch \"%s\" already exists", newBranch);
    }
  }

  /** Deletes a branch (not main); its open transactions fail to commit. */
  public void dropBranch(String branchName) {
    if (branchName.equals("main")) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot delete branch \"main\"");
    }
    Branch b = branch(branchName);
    synchronized (b) {
      b.dropped = true;
      branches.remove(branchName, b);
    }
  }

  private Branch branch(String branchName) {
    Branch b = branches.get(branchName);
    if (b == null) {
      throw Errors.unknownBranch(branchName);
    }
    return b;
  }

  CommitInfo commit(Branch b, DbState base, java.util.NavigableMap<String, TableState> mine, long schemaVersion) {
    synchronized (b) {
      if (b.dropped) {
        throw Errors.unknownBranch(b.name);
      }
      DbState head = b.head;
      DbState next = head == base
          ? new DbState(nextVersion(), schemaVersion, mine)
          : Rebaser.rebase(base, mine, schemaVersion, head, this);
      b.head = next;
      return new CommitInfo(next.version);
    }
  }

  StoreConfig config() {
    return config;
  }

  long nextVersion() {
    return versions.incrementAndGet();
  }

  /** The first of {@code n} fresh row ids. */
  long allocateRowIds(int n) {
    return rowIds.getAndAdd(n);
  }

  long allocateOid() {
    long oid = oids.getAndIncrement();
    if (oid > Integer.MAX_VALUE) {
      throw SqlStateException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "out of table oids");
    }
    return oid;
  }
}
