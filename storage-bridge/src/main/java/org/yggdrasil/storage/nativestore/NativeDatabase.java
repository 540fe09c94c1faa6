package org.yggdrasil.storage.nativestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.storage.nativestore.disk.SegmentLog;

/**
 * One database's native store: named branches pointing at commits, tags, the commit graph with
 * each branch's head history, and the database-wide counters (versions, row ids, table oids, the
 * HLC) that are not versioned and never roll back, like PostgreSQL's sequences. In memory ({@link
 * #inMemory}) or in a directory ({@link #open}, {@link #openReadOnly}), with the same API.
 *
 * <p>Concurrency: snapshot isolation per branch. {@link #begin} reads the branch head; readers
 * never block and snapshots never change. A commit is atomic under the branch's lock. First
 * committer wins: if the head moved since the transaction began, its changes are rebased onto the
 * new head when they are disjoint (different rows, different keys, no DDL on a table the other
 * side changed), else the commit fails with 40001; see {@link Rebaser} for the exact rules.
 *
 * <p>Commits: every commit that wrote creates a commit object whose id is the SHA-256 (hex) of its
 * stored form: table roots (content hashes of table versions, themselves over content hashes of
 * column chunks and delete vectors), parents, HLC, wall time, message, author and branch. An empty
 * database has a root commit on {@code main}. A ref is a branch, a tag, a full commit id, an
 * unambiguous prefix of at least 4 hex digits, or any of these followed by {@code ~n} (the n-th
 * first parent; {@code ~} alone is {@code ~1}).
 *
 * <p>Durability (on disk): the log is the commit point. A commit appends its new chunks, delete
 * vectors and table roots, then the commit object and a head-move record (carrying the counters)
 * to the active segment file; then it waits for a group flush: one thread fsyncs the segment once
 * for every commit appended so far and wakes all of them. Only then does the commit return and
 * become visible to readers. The {@code refs} file is a checkpoint rewritten now and then ({@link
 * Checkpoints}); opening replays the intact log past it (heads from the head moves, tags, sequence
 * reservations, counters) and ignores a torn tail (the first record whose checksum fails, and
 * everything after it: never fsynced, so never acknowledged).
 *
 * <p>Reader epoch: segments are mapped in automatic arenas ({@link SegmentLog}); a snapshot
 * holding chunks of a segment keeps its mapping (and, after {@link #gc} deleted the file, its
 * blocks) alive until the JVM collects it. No explicit release is needed.
 */
public final class NativeDatabase implements AutoCloseable {
  /** Table oids start here, as PostgreSQL's user objects do. */
  public static final long FIRST_OID = 16384;
  private static final String DEFAULT_AUTHOR = "ygg";

  private final String name;
  private final StoreConfig config;
  private final AtomicLong versions = new AtomicLong();
  private final AtomicLong rowIds = new AtomicLong(1);
  private final AtomicLong oids = new AtomicLong(FIRST_OID);
  private final ConcurrentHashMap<String, Branch> branches = new ConcurrentHashMap<>();
  /** Guards the commit graph, tags, head history and tips (and their order in the log). */
  private final Object refLock = new Object();
  private final ConcurrentHashMap<String, Commit> commits = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<String> ids = new ConcurrentSkipListSet<>();
  private final ConcurrentSkipListMap<String, String> tags = new ConcurrentSkipListMap<>();
  private final Map<String, List<HeadMove>> history = new HashMap<>();
  private final Hlc.Clock clock;
  /** Commits and ref moves hold it shared; gc exclusively. */
  private final ReentrantReadWriteLock gcLock = new ReentrantReadWriteLock();

  // ---- on disk only ----
  private final DiskStore store;
  private final boolean readOnly;
  private FileChannel lockChannel;
  private FileLock lock;
  private final Object flushLock = new Object();
  private long durableTicket;
  private boolean flushing;
  private volatile Throwable failure;
  private Object refsKey;
  private Checkpoints checkpoints;

  private NativeDatabase(String name, StoreConfig config, DiskStore store, boolean readOnly, Hlc hlc) {
    this.name = name;
    this.config = config;
    this.store = store;
    this.readOnly = readOnly;
    this.clock = new Hlc.Clock(hlc);
  }

  public static NativeDatabase inMemory(String name) {
    return inMemory(name, StoreConfig.DEFAULT);
  }

  /** For tests: a database whose chunks hold {@code chunkRows} rows. */
  static NativeDatabase inMemory(String name, int chunkRows) {
    return inMemory(name, new StoreConfig(chunkRows, -1L));
  }

  static NativeDatabase inMemory(String name, StoreConfig config) {
    NativeDatabase db = new NativeDatabase(name, config, null, false, Hlc.ZERO);
    db.createRoot();
    return db;
  }

  /** Opens the database stored in {@code dir}, creating it (and the directory) if it is empty. */
  public static NativeDatabase open(Path dir) {
    return open(dir, StoreConfig.DEFAULT);
  }

  static NativeDatabase open(Path dir, int chunkRows) {
    return open(dir, new StoreConfig(chunkRows, -1L));
  }

  static NativeDatabase open(Path dir, StoreConfig config) {
    return openDir(dir, config, false);
  }

  /**
   * Opens a database directory for reading only (e.g. beside a writer in another process). It
   * never writes to the directory; it re-reads the heads when the writer replaced them, on {@link
   * #snapshot}, {@link #resolve} and the other reading calls.
   */
  public static NativeDatabase openReadOnly(Path dir) {
    return openDir(dir, StoreConfig.DEFAULT, true);
  }

  private static NativeDatabase openDir(Path dir, StoreConfig wanted, boolean readOnly) {
    FileChannel lockCh = null;
    try {
      if (!readOnly) {
        Files.createDirectories(dir);
        lockCh = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
          l = lockCh.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null;
        }
        if (l == null) {
          lockCh.close();
          throw SqlStateException.of(SqlState.OBJECT_IN_USE, "database directory %s is in use by another writer", dir);
        }
        DiskStore.Refs refs = DiskStore.readRefs(dir);
        NativeDatabase db = load(dir, wanted, refs, false);
        db.lockChannel = lockCh;
        db.lock = l;
        if (refs == null) {
          db.createRoot();
        }
        return db;
      }
      DiskStore.Refs refs = DiskStore.readRefs(dir);
      if (refs == null) {
        throw SqlStateException.of(SqlState.UNDEFINED_OBJECT, "no database in %s", dir);
      }
      return load(dir, wanted, refs, true);
    } catch (IOException e) {
      if (lockCh != null) {
        try {
          lockCh.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
      throw Errors.io("cannot open database " + dir, e);
    }
  }

  private static NativeDatabase load(Path dir, StoreConfig wanted, DiskStore.Refs refs, boolean readOnly) throws IOException {
    StoreConfig config = refs == null ? wanted : new StoreConfig(refs.chunkRows(), wanted.keyHashMask());
    SegmentLog log = SegmentLog.open(dir, refs == null ? Map.of() : refs.segments(), !readOnly,
        refs != null && refs.format() >= DiskStore.LOG_IS_COMMIT_POINT);
    DiskStore store = new DiskStore(dir, !readOnly, log, config);
    NativeDatabase db = new NativeDatabase(dir.getFileName().toString(), config, store, readOnly,
        refs == null ? Hlc.ZERO : refs.hlc());
    db.checkpoints = new Checkpoints(store);
    if (refs != null) {
      db.adopt(refs);
    }
    return db;
  }

  /**
   * Takes over a checkpoint and the log past it (open and refresh): counters, new records, tags,
   * sequences, and the branch heads: the last head move of each branch in the log (the checkpoint's
   * heads for a format-1 directory, whose log past the checkpoint is not committed).
   */
  private void adopt(DiskStore.Refs refs) throws IOException {
    synchronized (refLock) {
      boolean logCommits = refs.format() >= DiskStore.LOG_IS_COMMIT_POINT;
      counters(new Counters(refs.versions(), refs.rowIds(), refs.oids()));
      clock.observe(refs.hlc());
      if (readOnly && logCommits) {
        store.log.adoptCheckpoint(refs.segments());
        store.log.extendOverIntactTail();
      } else if (readOnly) {
        store.log.setPublished(refs.segments());
      }
      tags.putAll(refs.tags());
      refs.sequences().forEach((k, v) -> {
        Sequence q = sequences.computeIfAbsent(k, x -> new Sequence());
        synchronized (q) {
          q.value = Math.max(q.value, v);
          q.reserved = Math.max(q.reserved, v);
        }
      });
      store.scanNew(store.log.segments(), refs.segments(), new LogReplay());
      Map<String, String> heads = logCommits ? headsFromHistory() : refs.branches();
      for (var e : heads.entrySet()) {
        Commit c = commit(e.getValue());
        Branch b = branches.get(e.getKey());
        if (b == null) {
          DbState s = state(c);
          branches.put(e.getKey(), new Branch(e.getKey(), c, s));
        } else if (b.headCommit != c) {
          synchronized (b) {
            DbState s = state(c);
            b.head = s;
            b.headCommit = c;
            b.tip = c;
            b.tipState = s;
          }
        }
      }
      branches.keySet().removeIf(k -> !heads.containsKey(k));
    }
  }

  /** What the log's records (past the checkpoint, for sequences) say, applied in log order. */
  private final class LogReplay implements DiskStore.ScanListener {
    @Override
    public void commit(Commit c) {
      register(c);
      clock.observe(c.hlc);
    }

    @Override
    public void move(HeadMove m, Counters c) {
      recordMove(m);
      clock.observe(m.hlc());
      if (c != null) {
        counters(c);
      }
    }

    @Override
    public void tag(String tagName, String commitId) {
      tags.put(tagName, commitId);
    }

    @Override
    public void sequence(String sequence, long reserved) {
      Sequence q = sequences.computeIfAbsent(sequence, x -> new Sequence());
      synchronized (q) {
        q.value = reserved; // setval may lower it: the last reservation in the log wins
        q.reserved = reserved;
      }
    }
  }

  /** Each branch's head: its last head move (a deleted branch has none). Holding refLock. */
  private Map<String, String> headsFromHistory() {
    TreeMap<String, String> heads = new TreeMap<>();
    history.forEach((b, moves) -> {
      if (!moves.isEmpty()) {
        heads.put(b, moves.getLast().commitId());
      }
    });
    return heads;
  }

  private void counters(Counters c) {
    versions.accumulateAndGet(c.versions(), Math::max);
    rowIds.accumulateAndGet(c.rowIds(), Math::max);
    oids.accumulateAndGet(c.oids(), Math::max);
  }

  /** For a read-only database: picks up what the writer published since the last look. */
  private void refresh() {
    if (!readOnly) {
      return;
    }
    synchronized (flushLock) {
      try {
        Object key = store.changeKey();
        if (key.equals(refsKey) && !store.log.moreAfterEnd()) {
          return;
        }
        for (int attempt = 0; ; attempt++) {
          DiskStore.Refs refs = DiskStore.readRefs(store.dir);
          try {
            if (!store.log.segments().keySet().stream().allMatch(refs.segments()::containsKey)) {
              // compacted by gc: start over
              store.resetScan();
              synchronized (refLock) {
                commits.clear();
                ids.clear();
                history.clear();
              }
            }
            adopt(refs);
            break;
          } catch (IOException | UncheckedIOException e) {
            if (attempt >= 5) {
              throw e;
            }
          }
        }
        refsKey = key;
      } catch (IOException e) {
        throw Errors.io("cannot read database " + store.dir, e);
      }
    }
  }

  private void createRoot() {
    DbState s;
    long v = nextVersion();
    s = new DbState(v, v, new TreeMap<>());
    Commit root;
    synchronized (refLock) {
      root = newCommit(List.of(), "initial commit", DEFAULT_AUTHOR, "main", s);
      Branch b = new Branch("main", root, s);
      branches.put("main", b);
      HeadMove m = new HeadMove("main", root.id, root.hlc, root.time);
      appendMove(m);
    }
    awaitDurable(ticket());
  }

  public String name() {
    return name;
  }

  /** True when opened with {@link #openReadOnly}. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** The latest committed state of a branch; 42704 if there is no such branch. */
  public Snapshot snapshot(String branch) {
    refresh();
    return branch(branch).head;
  }

  /** A read-write transaction reading the branch as of now. */
  public Transaction begin(String branch) {
    refresh();
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
    refresh();
    return branches.keySet().stream().sorted().toList();
  }

  // ---- refs ----

  /** Creates a branch pointing at any ref's commit (O(1)); 42710 if it exists, 42704 for an unknown ref. */
  public void createBranch(String newBranch, String fromRef) {
    checkWritable();
    checkBranchName(newBranch);
    gcLock.readLock().lock();
    long ticket;
    String created;
    try {
      Commit c = commit(resolve(fromRef));
      DbState s = state(c);
      synchronized (refLock) {
        if (branches.containsKey(newBranch)) {
          throw SqlStateException.of(SqlState.DUPLICATE_OBJECT, "branch \"%s\" already exists", newBranch);
        }
        history.remove(newBranch);
        branches.put(newBranch, new Branch(newBranch, c, s));
        Hlc hlc = clock.now();
        appendMove(new HeadMove(newBranch, c.id, hlc, refTime()));
        ticket = ticket();
      }
      created = c.id;
    } finally {
      gcLock.readLock().unlock();
    }
    awaitDurable(ticket);
    for (java.util.function.BiConsumer<String, String> listener : branchListeners) {
      listener.accept(newBranch, created);
    }
  }

  /** Deletes a branch (not main); its open transactions fail to commit. Same as {@link #dropBranch}. */
  public void deleteBranch(String branchName) {
    dropBranch(branchName);
  }

  /** Deletes a branch (not main); its open transactions fail to commit. */
  public void dropBranch(String branchName) {
    checkWritable();
    if (branchName.equals("main")) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot delete branch \"main\"");
    }
    Branch b = branch(branchName);
    long ticket;
    gcLock.readLock().lock();
    try {
      synchronized (b) {
        synchronized (refLock) {
          b.dropped = true;
          branches.remove(branchName, b);
          appendMove(new HeadMove(branchName, null, clock.now(), refTime()));
          history.remove(branchName);
          ticket = ticket();
        }
      }
    } finally {
      gcLock.readLock().unlock();
    }
    awaitDurable(ticket);
    for (java.util.function.BiConsumer<String, String> listener : branchListeners) {
      listener.accept(branchName, null);
    }
  }

  /** Moves a branch to any ref's commit (recorded in its head history). */
  public void resetBranch(String branchName, String ref) {
    moveHead(branchName, ref, null);
  }

  /**
   * Points a branch at {@code ref} if its head is still {@code expected} (a fast-forward
   * merge); 40001 if another commit moved it meanwhile.
   */
  void fastForward(String branchName, String expected, String ref) {
    moveHead(branchName, ref, expected);
  }

  private void moveHead(String branchName, String ref, String expected) {
    checkWritable();
    Branch b = branch(branchName);
    long ticket;
    long seq;
    Commit c;
    DbState s;
    gcLock.readLock().lock();
    try {
      c = commit(resolve(ref));
      s = state(c);
      synchronized (b) {
        if (b.dropped) {
          throw Errors.unknownBranch(branchName);
        }
        if (expected != null && !b.tip.id.equals(expected)) {
          throw SqlStateException.of(SqlState.SERIALIZATION_FAILURE,
              "branch \"%s\" moved while merging into it; retry the merge", branchName);
        }
        synchronized (refLock) {
          appendMove(new HeadMove(branchName, c.id, clock.now(), refTime()));
          b.tip = c;
          b.tipState = s;
          seq = ++b.tipSeq;
          ticket = ticket();
        }
      }
    } finally {
      gcLock.readLock().unlock();
    }
    awaitDurable(ticket);
    publish(b, c, s, seq);
    for (java.util.function.BiConsumer<String, String> listener : headListeners) {
      listener.accept(branchName, c.id);
    }
  }

  // ---- diff and merge (see Merges) ----

  /** Rows that differ between two refs (one table, or all when {@code table} is null). */
  public List<RowChange> diffRows(String fromRef, String toRef, String table) {
    return Merges.diffRows(this, fromRef, toRef, table);
  }

  /** Table and column definitions that differ between two refs. */
  public List<SchemaChange> diffSchema(String fromRef, String toRef, String table) {
    return Merges.diffSchema(this, fromRef, toRef, table);
  }

  /** Merges {@code source} (any ref) into branch {@code target}. */
  public MergeResult merge(String source, String target, MergeStrategy strategy, String author) {
    return Merges.merge(this, source, target, strategy, author);
  }

  /** Applies what one commit changed (against its first parent) to branch {@code target}. */
  public MergeResult cherryPick(String commit, String target, MergeStrategy strategy,
      String author) {
    return Merges.cherryPick(this, commit, target, strategy, author, false, tx -> { });
  }

  /** Undoes what one commit changed, as a new commit on branch {@code target}. */
  public MergeResult revert(String commit, String target, MergeStrategy strategy, String author) {
    return Merges.cherryPick(this, commit, target, strategy, author, true, tx -> { });
  }

  /**
   * {@link #cherryPick} ({@link #revert} when {@code invert}) that lets {@code beforeCommit} add
   * to the commit's transaction once the change applied (the composite records the attached
   * systems' new heads in the same commit).
   */
  public MergeResult cherryPick(String commit, String target, MergeStrategy strategy,
      String author, boolean invert, java.util.function.Consumer<Transaction> beforeCommit) {
    return Merges.cherryPick(this, commit, target, strategy, author, invert, beforeCommit);
  }

  /** An empty state, the base of merges between unrelated histories. */
  DbState emptyState() {
    return new DbState(0, 0, new TreeMap<>());
  }

  /** Names a commit forever; 42710 if the tag exists. */
  public void tag(String tagName, String ref) {
    checkWritable();
    if (tagName == null || tagName.isEmpty()) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "tag name must not be empty");
    }
    long ticket;
    gcLock.readLock().lock();
    try {
      String id = resolve(ref);
      synchronized (refLock) {
        if (tags.putIfAbsent(tagName, id) != null) {
          throw SqlStateException.of(SqlState.DUPLICATE_OBJECT, "tag \"%s\" already exists", tagName);
        }
        if (store != null) {
          store.appendMarker(ObjectCodec.TAG, tagName, id); // advances the log: the next flush rewrites refs
        }
        ticket = ticket();
      }
    } finally {
      gcLock.readLock().unlock();
    }
    awaitDurable(ticket);
  }

  /** Tags by name (sorted) with their commit ids. */
  public Map<String, String> tags() {
    refresh();
    return Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** The commit id of a branch's head; 42704 if there is no such branch. */
  public String headCommit(String branch) {
    refresh();
    return branch(branch).headCommit.id;
  }

  /** The commit a ref names (see the class comment for refs); 42704 if unknown or ambiguous. */
  public String resolve(String ref) {
    refresh();
    if (ref == null || ref.isEmpty()) {
      throw Errors.unknownRef("reference must not be empty");
    }
    String base = ref;
    int back = 0;
    while (true) {
      int t = base.lastIndexOf('~');
      if (t < 0) {
        break;
      }
      String num = base.substring(t + 1);
      if (!num.chars().allMatch(Character::isDigit)) {
        break;
      }
      back += num.isEmpty() ? 1 : Integer.parseInt(num);
      base = base.substring(0, t);
    }
    String id = resolveBase(base, ref);
    for (int i = 0; i < back; i++) {
      Commit c = commit(id);
      if (c.parents.isEmpty()) {
        throw Errors.unknownRef("reference \"%s\" goes back past the first commit", ref);
      }
      id = c.parents.get(0);
    }
    return id;
  }

  private String resolveBase(String s, String ref) {
    Branch b = branches.get(s);
    if (b != null) {
      return b.headCommit.id;
    }
    String tag = tags.get(s);
    if (tag != null) {
      return tag;
    }
    if (commits.containsKey(s)) {
      return s;
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.length() >= 4 && lower.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      List<String> hits = new ArrayList<>(2);
      for (String id : ids.tailSet(lower)) {
        if (!id.startsWith(lower) || hits.size() == 2) {
          break;
        }
        hits.add(id);
      }
      if (hits.size() == 1) {
        return hits.get(0);
      }
      if (hits.size() > 1) {
        throw Errors.unknownRef("commit id prefix \"%s\" is ambiguous (%s, %s, ...)", s, hits.get(0), hits.get(1));
      }
    }
    throw Errors.unknownRef("reference \"%s\" does not exist (not a branch, tag or commit id)", ref);
  }

  /** A commit's metadata; 42704 if unknown (full ids only; use {@link #resolve} for refs). */
  public CommitMeta commitMeta(String id) {
    refresh();
    return commit(id).meta();
  }

  /** The commit as a protocol {@link SnapshotRef} (system id {@code native:<database>}). */
  public SnapshotRef snapshotRef(String id) {
    Commit c = commit(resolve(id));
    return new SnapshotRef("native:" + name, c.id, c.parents, c.hlc, c.contentHash());
  }

  /** The state of any ref's commit, read-only (transactions begin on branches). */
  public Snapshot snapshotAt(String ref) {
    return state(commit(resolve(ref)));
  }

  /** Commits reachable from a ref, newest (by HLC) first, at most {@code limit} (0 or less: all). */
  public List<CommitMeta> log(String ref, int limit) {
    List<CommitMeta> out = new ArrayList<>();
    walk(resolve(ref), c -> {
      out.add(c.meta());
      return limit <= 0 || out.size() < limit;
    });
    return out;
  }

  /** The ids of a ref's commit and all its ancestors, newest first. */
  public List<String> ancestors(String ref) {
    List<String> out = new ArrayList<>();
    walk(resolve(ref), c -> out.add(c.id));
    return out;
  }

  /** The newest commit that is an ancestor of (or equal to) both refs; 42704 if none. */
  public String commonAncestor(String a, String b) {
    Set<String> fromA = new HashSet<>(ancestors(a));
    String[] hit = new String[1];
    walk(resolve(b), c -> {
      if (fromA.contains(c.id)) {
        hit[0] = c.id;
        return false;
      }
      return true;
    });
    if (hit[0] == null) {
      throw Errors.unknownRef("\"%s\" and \"%s\" have no common ancestor", a, b);
    }
    return hit[0];
  }

  private interface CommitVisitor {
    boolean visit(Commit c);
  }

  private void walk(String from, CommitVisitor v) {
    PriorityQueue<Commit> queue = new PriorityQueue<>((x, y) -> y.hlc.compareTo(x.hlc));
    Set<String> seen = new HashSet<>();
    queue.add(commit(from));
    seen.add(from);
    while (!queue.isEmpty()) {
      Commit c = queue.poll();
      if (!v.visit(c)) {
        return;
      }
      for (String p : c.parents) {
        if (seen.add(p)) {
          queue.add(commit(p));
        }
      }
    }
  }

  /** Every move of a branch's head since it was (last) created, oldest first. */
  public List<HeadMove> headHistory(String branch) {
    refresh();
    branch(branch);
    synchronized (refLock) {
      return List.copyOf(history.getOrDefault(branch, List.of()));
    }
  }

  /** The commit a branch's head was at time {@code t} (latest move at or before t); 42704 if none. */
  public String commitAsOf(String branch, Instant t) {
    List<HeadMove> moves = headHistory(branch);
    for (int i = moves.size() - 1; i >= 0; i--) {
      HeadMove m = moves.get(i);
      if (!m.time().isAfter(t) && m.commitId() != null) {
        return m.commitId();
      }
    }
    throw Errors.unknownRef("branch \"%s\" has no commit at or before %s", branch, t);
  }

  // ---- commits ----

  CommitInfo commit(Branch b, DbState base, NavigableMap<String, TableState> mine, long schemaVersion,
      String message, String author, String mergeParent) {
    checkWritable();
    Commit c;
    DbState next;
    long ticket;
    long seq;
    gcLock.readLock().lock();
    try {
      synchronized (b) {
        if (b.dropped) {
          throw Errors.unknownBranch(b.name);
        }
        DbState tip = b.tipState;
        next = tip == base
            ? new DbState(nextVersion(), schemaVersion, mine)
            : Rebaser.rebase(base, mine, schemaVersion, tip, this);
        synchronized (refLock) {
          c = newCommit(mergeParent == null ? List.of(b.tip.id) : List.of(b.tip.id, mergeParent),
              message == null ? "" : message, author == null ? DEFAULT_AUTHOR : author,
              b.name, next);
          appendMove(new HeadMove(b.name, c.id, c.hlc, c.time));
          b.tip = c;
          b.tipState = next;
          seq = ++b.tipSeq;
          ticket = ticket();
        }
      }
    } finally {
      gcLock.readLock().unlock();
    }
    awaitDurable(ticket);
    publish(b, c, next, seq);
    for (java.util.function.Consumer<CommitMeta> listener : commitListeners) {
      listener.accept(c.meta());
    }
    return new CommitInfo(next.version, c.id);
  }

  /**
   * The time of a commit or head move: milliseconds, what SQL shows and compares, so that
   * {@code SET ygg.as_of} to the time {@code ygg.log} shows for a commit finds that commit.
   */
  private static Instant refTime() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** Builds, stores and registers a commit of {@code state} (holding refLock). */
  private Commit newCommit(List<String> parents, String message, String author, String branch, DbState state) {
    ObjectCodec.Sink sink = store == null ? ObjectCodec.NOWHERE : store;
    String[] names = state.tables.keySet().toArray(String[]::new);
    String[] hashes = new String[names.length];
    try {
      for (int i = 0; i < names.length; i++) {
        hashes[i] = TableRecords.persist(state.tables.get(names[i]), sink);
      }
      Hlc hlc = clock.now();
      Instant now = refTime();
      Commit proto = new Commit("", parents, hlc, now, message, author, branch, state.version, state.schemaVersion,
          names, hashes);
      byte[] payload = ObjectCodec.commitPayload(proto);
      byte[] h = ObjectCodec.hash(List.of(ByteBuffer.wrap(payload)));
      Commit c = new Commit(ObjectCodec.hex(h), parents, hlc, now, message, author, branch, state.version,
          state.schemaVersion, names, hashes);
      if (store != null) {
        store.put(ObjectCodec.COMMIT, h, List.of(ByteBuffer.wrap(payload)));
      }
      state.commitId = c.id;
      c.hold(state, true);
      register(c);
      return c;
    } catch (UncheckedIOException e) {
      fail(e.getCause());
      throw Errors.io("could not write commit", e.getCause());
    }
  }

  private void register(Commit c) {
    commits.put(c.id, c);
    ids.add(c.id);
  }

  /** Records a head move in the history (and on disk, in the log). Holding refLock. */
  private void appendMove(HeadMove m) {
    recordMove(m);
    if (store != null) {
      try {
        store.appendMove(m, new Counters(versions.get(), rowIds.get(), oids.get()));
      } catch (UncheckedIOException e) {
        fail(e.getCause());
        throw Errors.io("could not write head move", e.getCause());
      }
    }
  }

  private void recordMove(HeadMove m) {
    if (m.commitId() == null) {
      history.remove(m.branch());
    } else {
      history.computeIfAbsent(m.branch(), k -> new ArrayList<>()).add(m);
    }
  }

  private final List<java.util.function.Consumer<CommitMeta>> commitListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener} after each commit is durable and visible, on the committing thread
   * (LISTEN ygg_commits is built on it).
   */
  public void onCommit(java.util.function.Consumer<CommitMeta> listener) {
    commitListeners.add(listener);
  }

  private final List<java.util.function.BiConsumer<String, String>> headListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener} with (branch, new head commit id) after a branch head moved without a
   * commit (a reset or a fast-forward merge), once durable, on the calling thread.
   */
  public void onHeadMove(java.util.function.BiConsumer<String, String> listener) {
    headListeners.add(listener);
  }

  private final List<java.util.function.BiConsumer<String, String>> branchListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener} with (branch, head commit id) after a branch is created and with
   * (branch, null) after one is deleted, once durable, on the calling thread (protocol watchers).
   */
  public void onBranchChange(java.util.function.BiConsumer<String, String> listener) {
    branchListeners.add(listener);
  }

  private void publish(Branch b, Commit c, DbState s, long seq) {
    synchronized (b) {
      if (seq > b.headSeq) {
        Commit old = b.headCommit;
        b.headSeq = seq;
        b.headCommit = c;
        b.head = s;
        if (store != null && old != null && old != b.tip && old != c) {
          old.loosen();
        }
      }
    }
  }

  private Commit commit(String id) {
    Commit c = commits.get(id);
    if (c == null) {
      throw Errors.unknownRef("commit \"%s\" does not exist", id);
    }
    return c;
  }

  /** The state of a commit, read back from disk if it is not in memory. */
  private DbState state(Commit c) {
    DbState s = c.cached();
    if (s != null) {
      return s;
    }
    if (store == null) {
      throw Errors.unknownRef("the data of commit %s was garbage-collected", c.id);
    }
    TreeMap<String, TableState> tables = new TreeMap<>();
    try {
      for (int i = 0; i < c.tableNames.length; i++) {
        tables.put(c.tableNames[i], store.table(c.tableHashes[i]));
      }
    } catch (UncheckedIOException e) {
      throw Errors.io("cannot read commit " + c.id, e.getCause());
    }
    s = new DbState(c.version, c.schemaVersion, tables);
    s.commitId = c.id;
    c.hold(s, false);
    return s;
  }

  // ---- durability ----

  private long ticket() {
    return store == null ? 0 : store.log.ticket();
  }

  /** Waits until everything appended up to {@code ticket} is fsynced (committed: the log is the commit point). */
  private void awaitDurable(long ticket) {
    if (store == null) {
      return;
    }
    while (true) {
      synchronized (flushLock) {
        checkFailed();
        if (durableTicket >= ticket) {
          return;
        }
        if (flushing) {
          try {
            flushLock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqlStateException.of(SqlState.QUERY_CANCELED, "interrupted while waiting for the commit to be durable");
          }
          continue;
        }
        flushing = true;
      }
      long done = 0;
      Throwable error = null;
      try {
        done = flushOnce(false);
      } catch (IOException | RuntimeException e) {
        error = e;
        fail(e);
      }
      synchronized (flushLock) {
        flushing = false;
        durableTicket = Math.max(durableTicket, done);
        flushLock.notifyAll();
      }
      if (error != null) {
        throw Errors.io("could not make the commit durable", error);
      }
      if (done >= ticket) {
        return;
      }
    }
  }

  /** Fsyncs the log (one fsync for every commit appended so far), then checkpoints when due. */
  private long flushOnce(boolean checkpoint) throws IOException {
    DiskStore.Refs refs;
    long upto;
    long number;
    synchronized (refLock) {
      number = checkpoints.number();
      upto = store.log.ticket();
      TreeMap<String, String> heads = new TreeMap<>();
      for (Branch b : branches.values()) {
        heads.put(b.name, b.tip.id); // tips change only under refLock
      }
      TreeMap<String, Long> seqs = new TreeMap<>();
      sequences.forEach((k, v) -> seqs.put(k, v.reserved));
      refs = new DiskStore.Refs(DiskStore.LOG_IS_COMMIT_POINT, config.chunkRows(), versions.get(), rowIds.get(),
          oids.get(), clock.highWater(), store.log.segments(), heads, new TreeMap<>(tags), seqs);
    }
    store.log.force();
    checkpoints.afterFlush(number, refs, upto, checkpoint);
    return upto;
  }

  private void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
  }

  private void checkFailed() {
    Throwable f = failure;
    if (f != null) {
      throw Errors.io("the database stopped after a write error; reopen it", f);
    }
  }

  private void checkWritable() {
    if (readOnly) {
      throw Errors.readOnly();
    }
    checkFailed();
  }

  private static void checkBranchName(String n) {
    if (n == null || n.isEmpty() || n.contains("~") || n.contains(":") || n.contains("@") || n.isBlank()) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "invalid branch name \"%s\": must be non-empty without '~', ':' or '@'", n);
    }
  }

  // ---- verification and garbage collection ----

  /** Checks every object reachable from heads, tags and head history: checksums and content hashes. */
  public VerifyReport verify() {
    refresh();
    List<String> problems = new ArrayList<>();
    int[] counts = new int[3];
    long[] bytes = new long[1];
    gcLock.readLock().lock();
    try {
      Set<String> live = liveCommits(null);
      if (store == null) {
        return new VerifyReport(live.size(), 0, 0, 0, List.of());
      }
      for (var e : store.log.segments().entrySet()) {
        try {
          long end = store.log.scan(e.getKey(), 0, e.getValue(), true, r -> bytes[0] += 0);
          if (end < e.getValue()) {
            problems.add(SegmentLog.fileName(e.getKey()) + ": damaged record at offset " + end + " of " + e.getValue()
                + " published bytes");
          }
        } catch (IOException ex) {
          problems.add(SegmentLog.fileName(e.getKey()) + ": " + ex.getMessage());
        }
      }
      Set<String> seen = new HashSet<>();
      ChunkVerifier chunks = new ChunkVerifier(store);
      for (String id : live) {
        counts[0]++;
        if (!checkObject(id, problems, bytes, chunks)) {
          continue;
        }
        Commit c = commit(id);
        for (String th : c.tableHashes) {
          if (!seen.add(th)) {
            continue;
          }
          counts[1]++;
          if (!checkObject(th, problems, bytes, chunks)) {
            continue;
          }
          for (String ch : store.tableChildren(th)) {
            if (seen.add(ch)) {
              counts[2]++;
              checkObject(ch, problems, bytes, chunks);
            }
          }
        }
      }
    } finally {
      gcLock.readLock().unlock();
    }
    return new VerifyReport(counts[0], counts[1], counts[2], bytes[0], problems);
  }

  private boolean checkObject(String hash, List<String> problems, long[] bytes, ChunkVerifier chunks) {
    SegmentLog.Loc loc = store.index.get(hash);
    if (loc == null) {
      problems.add("object " + hash + " is missing");
      return false;
    }
    try {
      if (!store.log.checksumOk(loc)) {
        problems.add("object " + hash + " at " + SegmentLog.fileName(loc.segment()) + ":" + loc.offset() + " fails its checksum");
        return false;
      }
      var p = store.log.payload(loc);
      bytes[0] += p.byteSize();
      String actual;
      if (ChunkRecords.isChunk(loc.type())) {
        try {
          actual = chunks.actualHash(hash, loc.type()); // a delta's from its base chain
        } catch (RuntimeException e) {
          problems.add("chunk " + hash + " cannot be rebuilt from its base: " + e.getMessage());
          return false;
        }
      } else {
        var md = ObjectCodec.sha256();
        md.update(p.asByteBuffer());
        actual = ObjectCodec.hex(md.digest());
      }
      if (!actual.equals(hash)) {
        problems.add("object " + hash + " at " + SegmentLog.fileName(loc.segment()) + ":" + loc.offset() + " does not match its hash");
        return false;
      }
      return true;
    } catch (IOException e) {
      problems.add("object " + hash + ": " + e.getMessage());
      return false;
    }
  }

  /**
   * Commits to keep: branch heads (and tips), tags, every commit in the head history of existing
   * branches that moved within {@code retention} (null: all history), and all their ancestors.
   */
  private Set<String> liveCommits(Duration retention) {
    ArrayDeque<String> todo = new ArrayDeque<>();
    synchronized (refLock) {
      for (Branch b : branches.values()) {
        todo.add(b.tip.id);
        todo.add(b.headCommit.id);
      }
      todo.addAll(tags.values());
      Instant cutoff = retention == null ? Instant.MIN : Instant.now().minus(retention);
      for (var e : history.entrySet()) {
        if (!branches.containsKey(e.getKey())) {
          continue;
        }
        for (HeadMove m : e.getValue()) {
          if (m.commitId() != null && !m.time().isBefore(cutoff)) {
            todo.add(m.commitId());
          }
        }
      }
    }
    Set<String> live = new java.util.LinkedHashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (live.add(id)) {
        Commit c = commits.get(id);
        if (c != null) {
          todo.addAll(c.parents);
        }
      }
    }
    return live;
  }

  /** {@link #gc(Duration)} keeping all history of existing branches. */
  public long gc() {
    return gc(null);
  }

  /**
   * Reclaims the space of everything unreachable from branch heads, tags and the head history of
   * existing branches that is younger than {@code retention} (null: all of it), with all their
   * ancestors. On disk, the live records are copied to a fresh segment and the old segment files
   * are deleted (open snapshots keep reading their mappings, see the class comment). Returns the
   * bytes removed from the directory (0 in memory, where unreachable commits are just forgotten).
   */
  public long gc(Duration retention) {
    checkWritable();
    gcLock.writeLock().lock();
    try {
      awaitDurable(ticket());
      Set<String> live = liveCommits(retention);
      synchronized (refLock) {
        for (String id : List.copyOf(commits.keySet())) {
          if (!live.contains(id)) {
            commits.remove(id);
            ids.remove(id);
          }
        }
        history.keySet().removeIf(k -> !branches.containsKey(k));
        for (List<HeadMove> moves : history.values()) {
          moves.removeIf(m -> m.commitId() != null && !live.contains(m.commitId()));
        }
      }
      if (store == null) {
        return 0;
      }
      return compact(live);
    } catch (IOException e) {
      fail(e);
      throw Errors.io("gc failed", e);
    } finally {
      gcLock.writeLock().unlock();
    }
  }

  private long compact(Set<String> live) throws IOException {
    Set<String> keep = new HashSet<>();
    for (String id : live) {
      Commit c = commits.get(id);
      if (c == null) {
        continue;
      }
      keep.add(id);
      for (String th : c.tableHashes) {
        if (keep.add(th)) {
          for (String child : store.tableChildren(th)) {
            // a delta chunk needs its base chain
            for (String h = child; h != null && keep.add(h); h = store.baseOf(h)) {
              // added
            }
          }
        }
      }
    }
    SegmentLog log = store.log;
    TreeMap<Integer, Long> old = log.segments();
    long oldBytes = old.values().stream().mapToLong(Long::longValue).sum();
    long liveBytes = 0;
    for (String h : keep) {
      SegmentLog.Loc loc = store.index.get(h);
      if (loc != null) {
        liveBytes += SegmentLog.HEADER + ObjectCodec.pad64(loc.payloadLength());
      }
    }
    Set<String> moveKeys = new HashSet<>();
    synchronized (refLock) {
      for (List<HeadMove> moves : history.values()) {
        for (HeadMove m : moves) {
          moveKeys.add(m.branch() + "\0" + m.commitId() + "\0" + m.hlc());
        }
      }
    }
    if (oldBytes - liveBytes <= (long) moveKeys.size() * 2 * SegmentLog.HEADER + 4096) {
      return 0; // nothing worth rewriting
    }
    synchronized (refLock) {
      synchronized (log) {
        int fresh = log.startNewSegment();
        Map<String, SegmentLog.Loc> index = new LinkedHashMap<>();
        for (var e : old.entrySet()) {
          log.scan(e.getKey(), 0, e.getValue(), false, r -> {
            if (r.loc().type() == ObjectCodec.MOVE) {
              HeadMove m = ObjectCodec.readMove(r.payload());
              if (moveKeys.contains(m.branch() + "\0" + m.commitId() + "\0" + m.hlc())) {
                log.copy(r);
              }
            } else {
              String h = r.hashHex();
              if (keep.contains(h) && !index.containsKey(h)) {
                index.put(h, log.copy(r));
              }
            }
          });
        }
        store.index.clear();
        store.index.putAll(index);
        log.force();
        List<Path> doomed = log.forgetBelow(fresh);
        flushOnceLocked();
        for (Path p : doomed) {
          Files.deleteIfExists(p);
        }
        org.yggdrasil.storage.nativestore.disk.AtomicFiles.fsyncDirectory(store.dir);
        long now = log.segments().values().stream().mapToLong(Long::longValue).sum();
        return Math.max(0, oldBytes - now);
      }
    }
  }

  /** Flushes and writes a checkpoint now (gc after compacting, close). */
  private void flushOnceLocked() throws IOException {
    synchronized (flushLock) {
      durableTicket = Math.max(durableTicket, flushOnce(true));
    }
  }

  /** How many times the log was fsynced since open (0 in memory). */
  long logFsyncs() {
    return store == null ? 0 : store.log.fsyncs();
  }

  /** Bytes in the segment files (0 in memory). */
  public long storedBytes() {
    return store == null ? 0 : store.log.segments().values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    if (store == null) {
      return;
    }
    try {
      if (!readOnly && failure == null) {
        awaitDurable(ticket());
        flushOnceLocked(); // a fresh checkpoint: the next open replays no log
      }
      store.log.close();
      if (lock != null) {
        lock.release();
        lockChannel.close();
      }
    } catch (IOException e) {
      throw Errors.io("cannot close database " + store.dir, e);
    }
  }

  // ---- counters ----

  /** Values a sequence hands out without writing; the refs file records the reserved upper bound. */
  private static final int SEQUENCE_CACHE = 32;

  private static final class Sequence {
    long value;
    long reserved;
  }

  private final ConcurrentHashMap<String, Sequence> sequences = new ConcurrentHashMap<>();

  /**
   * The next value (1, 2, …) of a database-wide sequence, created on first use. Like PostgreSQL's
   * {@code nextval}: not versioned, not undone by rollback, shared by all branches (so rows made
   * on different branches never collide), and never repeated, across restarts and crashes too: on
   * disk every 32nd value first makes a reservation durable, so a restart skips at most 32 values.
   */
  public long nextval(String sequence) {
    checkWritable();
    Sequence q = sequences.computeIfAbsent(sequence, k -> new Sequence());
    synchronized (q) {
      long v = ++q.value;
      if (v > q.reserved) {
        long ticket;
        synchronized (refLock) {
          q.reserved = v + SEQUENCE_CACHE - 1;
          if (store != null) {
            store.appendMarker(ObjectCodec.SEQUENCE, sequence, Long.toString(q.reserved));
          }
          ticket = ticket();
        }
        awaitDurable(ticket);
      }
      return v;
    }
  }

  /**
   * Sets a sequence's counter to {@code value} (durably, exactly: the next {@link #nextval} returns
   * {@code value + 1}); like PostgreSQL's {@code setval}, not versioned and not undone by rollback.
   */
  public void setval(String sequence, long value) {
    checkWritable();
    Sequence q = sequences.computeIfAbsent(sequence, k -> new Sequence());
    synchronized (q) {
      long ticket;
      synchronized (refLock) {
        q.value = value;
        q.reserved = value;
        if (store != null) {
          store.appendMarker(ObjectCodec.SEQUENCE, sequence, Long.toString(value));
        }
        ticket = ticket();
      }
      awaitDurable(ticket);
    }
  }

  /** The value a sequence's counter last handed out or was set to (0 for an unused one). */
  public long counterValue(String sequence) {
    Sequence q = sequences.get(sequence);
    if (q == null) {
      return 0;
    }
    synchronized (q) {
      return q.value;
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

  private Branch branch(String branchName) {
    Branch b = branches.get(branchName);
    if (b == null) {
      throw Errors.unknownBranch(branchName);
    }
    return b;
  }
}
