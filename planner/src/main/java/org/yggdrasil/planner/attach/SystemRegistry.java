package org.yggdrasil.planner.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.yggdrasil.catalog.compose.Workspace;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.tables.SystemFactory;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * The attached systems of one database, open at most once each and shared by its sessions.
 * A system is opened from its {@link ServerDef} the first time a statement needs it (after a
 * restart: lazily, from the catalog), with its state under {@code <database dir>/systems/<name>}
 * (a temporary directory for in-memory databases). Composite commits of the database serialize
 * on {@link #commitLock()}, so undoing one member by branch reset never drops another session's
 * member commit.
 */
public final class SystemRegistry {
  private static final Map<NativeDatabase, SystemRegistry> REGISTRIES = new WeakHashMap<>();
  private static volatile Map<String, SystemFactory> factories;

  private final Map<ServerDef, VersionedSystem> open = new HashMap<>();
  private final java.util.concurrent.locks.ReentrantLock commitLock =
      new java.util.concurrent.locks.ReentrantLock();
  private final Workspace workspace = new Workspace(new Hlc.Clock());
  private Path stateRoot;
  private CommitJournal journal = new CommitJournal(null);

  private SystemRegistry() {}

  /** The registry of {@code db}. */
  public static synchronized SystemRegistry of(NativeDatabase db) {
    return REGISTRIES.computeIfAbsent(db, d -> new SystemRegistry());
  }

  /**
   * Where the systems of {@code db} keep their state (the engine sets it for on-disk data, as
   * the database opens). A composite commit a crash interrupted is reconciled now, before any
   * session reads a member (see {@link CompositeRecovery}), and overlays a crash left behind
   * are dropped (see {@link OverlaySweep}).
   */
  public static void stateRoot(NativeDatabase db, Path dir) {
    SystemRegistry r = of(db);
    synchronized (r) {
      r.stateRoot = dir;
      r.journal = new CommitJournal(dir);
    }
    try {
      CompositeRecovery.run(db, r, r.journal);
      OverlaySweep.run(db, r);
    } catch (RuntimeException e) {
      // The journal stays for the next open; reads still see what the database recorded.
      System.getLogger(SystemRegistry.class.getName()).log(System.Logger.Level.ERROR,
          "cannot reconcile the attached systems of " + dir.getParent() + " with the database",
          e);
    }
  }

  /** The prepare record of this database's composite commits (kept nowhere when in memory). */
  synchronized CommitJournal journal() {
    return journal;
  }

  /** The factory serving a FOREIGN DATA WRAPPER name; 42704 when none does. */
  public static SystemFactory factory(String wrapper) {
    SystemFactory f = factories().get(wrapper);
    if (f == null) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
          "foreign-data wrapper \"" + wrapper + "\" does not exist", null,
          "Available wrappers: " + String.join(", ", factories().keySet()) + ".", 0, null);
    }
    return f;
  }

  private static Map<String, SystemFactory> factories() {
    Map<String, SystemFactory> f = factories;
    if (f == null) {
      Map<String, SystemFactory> found = new TreeMap<>();
      for (SystemFactory factory : ServiceLoader.load(SystemFactory.class,
          SystemRegistry.class.getClassLoader())) {
        found.putIfAbsent(factory.wrapper(), factory);
      }
      f = Collections.unmodifiableMap(found);
      factories = f;
    }
    return f;
  }

  /** The open system of an attachment, opening it now if needed. */
  public synchronized VersionedSystem system(ServerDef def) {
    VersionedSystem s = open.get(def);
    if (s == null) {
      s = factory(def.wrapper()).open(def.name(), def.options(), stateDir(def.name()));
      open.put(def, s);
    }
    return s;
  }

  private Path stateDir(String name) {
    try {
      if (stateRoot == null) {
        stateRoot = Files.createTempDirectory("ygg-systems-");
      }
      return Files.createDirectories(stateRoot.resolve(name));
    } catch (IOException e) {
      throw new SqlStateException(SqlState.IO_ERROR,
          "cannot create the state directory of system \"" + name + "\": " + e.getMessage());
    }
  }

  /** Whether any system of this database is open (else no commit has members to handle). */
  public synchronized boolean hasOpenSystems() {
    return !open.isEmpty();
  }

  /** Taken around every commit that changes attached systems. */
  public java.util.concurrent.locks.ReentrantLock commitLock() {
    return commitLock;
  }

  /** The HLC-stamped record of the member commits made through this database. */
  public Workspace workspace() {
    return workspace;
  }
}
