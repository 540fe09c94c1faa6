package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.yggdrasil.catalog.compose.CompositeSystem;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Committable;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.catalog.tables.TableWriter;
import org.yggdrasil.catalog.tables.TabularSystem;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * One session's side of its database's attached systems: reads bound to the snapshot the
 * session reads (so a branch switch or a commit pin moves every member with it), writes staged
 * per transaction in one {@link TableWriter} per system, and the composite commit that turns
 * them into member snapshots recorded in the database commit.
 */
public final class SessionSystems {
  /** The layers the native store advertises in {@code ygg.systems}. */
  public static final String NATIVE_CAPABILITIES = String.join(",",
      Layer.SNAPSHOTABLE.wireName(), Layer.BRANCHABLE.wireName(), Layer.GRAPHABLE.wireName(),
      Layer.MERGEABLE.wireName(), Layer.GARBAGE_COLLECTABLE.wireName(),
      Layer.COMMITTABLE.wireName());

  private final SystemRegistry registry;
  private final Supplier<Snapshot> readSnapshot;
  private final Supplier<Transaction> writeTransaction;
  private final Supplier<String> branch;
  /** This transaction's staged writes, by system name. */
  private final SortedMap<String, SavepointWriter> writers = new TreeMap<>();

  public SessionSystems(NativeDatabase database, Supplier<Snapshot> readSnapshot,
      Supplier<Transaction> writeTransaction, Supplier<String> branch) {
    this.registry = SystemRegistry.of(database);
    this.readSnapshot = readSnapshot;
    this.writeTransaction = writeTransaction;
    this.branch = branch;
  }

  public SystemRegistry registry() {
    return registry;
  }

  /** The attachment {@code name} in the snapshot the session reads, or null. */
  public ServerDef server(String name) {
    return MemberViews.servers(readSnapshot.get()).get(name);
  }

  /** The tables of a system as the session's snapshot recorded it. */
  public List<TableSpec> tables(ServerDef def, Snapshot snapshot) {
    return MemberViews.at(registry, def, snapshot, branch.get()).tables();
  }

  /** A table's rows as this session sees them: its staged writes, else the recorded snapshot. */
  public Iterable<Object[]> rows(String server, String table) {
    TableWriter w = writers.get(server);
    if (w != null) {
      return w.rows(table);
    }
    Snapshot s = readSnapshot.get();
    ServerDef def = MemberViews.servers(s).get(server);
    if (def == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + server + "." + table + "\" does not exist");
    }
    return MemberViews.at(registry, def, s, branch.get()).rows(table);
  }

  /** The staged writes of this transaction on {@code def}'s system (25006 when read-only). */
  public TableWriter writer(ServerDef def) {
    Transaction tx = writeTransaction.get(); // read-only, pinned and failed checks happen here
    SavepointWriter w = writers.get(def.name());
    if (w == null) {
      w = new SavepointWriter(MemberViews.onBranch(registry, def, tx.snapshot(), branch.get())
          .writer());
      writers.put(def.name(), w);
    }
    return w;
  }

  /** A savepoint of the staged member writes: per system, how many writes it had staged. */
  public java.util.Map<String, Integer> savepoint() {
    java.util.Map<String, Integer> marks = new java.util.HashMap<>();
    writers.forEach((name, w) -> marks.put(name, w.mark()));
    return marks;
  }

  /** ROLLBACK TO SAVEPOINT: member writes staged after {@code marks} are undone. */
  public void rollbackTo(java.util.Map<String, Integer> marks) {
    writers.forEach((name, w) -> w.rollbackTo(marks.getOrDefault(name, 0)));
  }

  public boolean hasWrites() {
    for (TableWriter w : writers.values()) {
      if (!w.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The transaction ended without commit: staged writes go. */
  public void rollback() {
    for (TableWriter w : writers.values()) {
      try {
        w.rollback();
      } catch (RuntimeException ignored) {
        // dropping the rest anyway
      }
    }
    writers.clear();
  }

  /**
   * The first half of the composite commit, called with the database transaction about to
   * commit: commits each member's staged writes (and lets committable members snapshot what
   * changed outside) in member order, then records every member's new head in {@code tx}. The
   * returned handle must be told whether the database commit succeeded; until then composite
   * commits of the database wait, and on failure the members go back by branch reset.
   */
  public PreparedCommit prepareCommit(Transaction tx, String message, String author) {
    if (writers.isEmpty() && !registry.hasOpenSystems()) {
      return PreparedCommit.NONE; // the common case: a database without attached systems
    }
    Map<String, ServerDef> servers = MemberViews.servers(tx.snapshot());
    if (servers.isEmpty() || (!tx.hasWrites() && !hasWrites())) {
      writers.clear();
      return PreparedCommit.NONE;
    }
    String onBranch = branch.get();
    ReentrantLock lock = registry.commitLock();
    lock.lock();
    CommitJournal.Pending journal = registry.journal().begin(onBranch);
    try {
      CompositeSystem composite = MemberViews.composite(registry, tx.snapshot());
      SortedMap<String, Supplier<String>> steps = new TreeMap<>();
      Map<String, String> before = new TreeMap<>();
      for (ServerDef def : servers.values()) {
        TableWriter w = writers.get(def.name());
        if (w != null && !w.isEmpty()) {
          steps.put(def.name(), () -> w.commit(message, author).snapshotId());
        } else if (registry.system(def) instanceof Committable) {
          TabularSystem onBranchView = MemberViews.onBranch(registry, def, tx.snapshot(), onBranch);
          if (onBranchView instanceof Committable c) {
            steps.put(def.name(), () -> c.commit(message, author).snapshotId());
          }
        }
        before.put(def.name(), composite.headOf(def.name(), onBranch));
      }
      Map<String, String> after = composite.inOrder(onBranch, steps, journal);
      writers.clear();
      Map<String, String> recorded = MemberViews.heads(tx.snapshot());
      for (Map.Entry<String, String> h : after.entrySet()) {
        if (!h.getValue().equals(recorded.get(h.getKey()))) {
          Hlc hlc = registry.workspace().record(h.getKey(), h.getValue());
          tx.putCatalogEntry(new MemberHead(h.getKey(), h.getValue(), hlc).toEntry());
        }
      }
      CrashPoint.reached(CrashPoint.BEFORE_DATABASE_COMMIT);
      return new PreparedCommit(lock, composite, onBranch, before, journal);
    } catch (RuntimeException e) {
      writers.clear();
      if (e.getSuppressed().length == 0) {
        journal.done(); // the members were put back; else the next open does it
      }
      lock.unlock();
      throw e;
    }
  }

  /** The rows of {@code ygg.systems}: the native store, then each attached system. */
  public List<Object[]> systemRows(String nativeCommit) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"native", "native", NATIVE_CAPABILITIES, nativeCommit});
    Snapshot s = readSnapshot.get();
    Map<String, String> heads = MemberViews.heads(s);
    for (ServerDef def : MemberViews.servers(s).values()) {
      var system = registry.system(def);
      rows.add(new Object[] {def.name(), system.systemType(), MemberViews.capabilityList(system),
          heads.get(def.name())});
    }
    return rows;
  }

  /** A composite commit between its member half and the database commit. */
  public static final class PreparedCommit {
    public static final PreparedCommit NONE =
        new PreparedCommit(null, null, null, Map.of(), null);
    private final ReentrantLock lock;
    private final CompositeSystem composite;
    private final String branch;
    private final Map<String, String> before;
    private final CommitJournal.Pending journal;

    PreparedCommit(ReentrantLock lock, CompositeSystem composite, String branch,
        Map<String, String> before, CommitJournal.Pending journal) {
      this.lock = lock;
      this.composite = composite;
      this.branch = branch;
      this.before = before;
      this.journal = journal;
    }

    /** The database commit succeeded (and is durable): the prepare record goes. */
    public void committed() {
      if (lock != null) {
        try {
          journal.done();
        } finally {
          lock.unlock();
        }
      }
    }

    /** The database commit failed: members go back to their heads before the commit. */
    public void failed(RuntimeException cause) {
      if (lock != null) {
        try {
          composite.undo(branch, before, cause);
          journal.done();
        } catch (RuntimeException e) {
          cause.addSuppressed(e); // the journal stays: the next open puts members back
        } finally {
          lock.unlock();
        }
      }
    }
  }
}
