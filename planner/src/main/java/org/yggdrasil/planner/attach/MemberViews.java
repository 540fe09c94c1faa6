package org.yggdrasil.planner.attach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yggdrasil.catalog.compose.CompositeSystem;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Snapshotable;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.tables.TabularSystem;
import org.yggdrasil.storage.nativestore.Catalog;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Reads what a database snapshot records about its attached systems: which are attached
 * ({@code server} entries) and at which snapshot each member was ({@code member} entries), and
 * turns that into system values bound to those snapshots.
 */
public final class MemberViews {
  private MemberViews() {}

  /** The attachments of a snapshot, by name. */
  public static Map<String, ServerDef> servers(Snapshot snapshot) {
    return servers(snapshot.catalog());
  }

  static Map<String, ServerDef> servers(Catalog catalog) {
    Map<String, ServerDef> out = new TreeMap<>();
    for (var e : catalog.entries(ServerDef.KIND)) {
      out.put(e.name(), ServerDef.of(e));
    }
    return out;
  }

  /** Member id → snapshot id recorded in a snapshot. */
  public static Map<String, String> heads(Snapshot snapshot) {
    Map<String, String> out = new TreeMap<>();
    for (var e : snapshot.catalog().entries(MemberHead.KIND)) {
      out.put(e.name(), MemberHead.of(e).snapshotId());
    }
    return out;
  }

  /** The member snapshot a snapshot recorded for {@code server}, or null. */
  public static String head(Snapshot snapshot, String server) {
    var e = snapshot.catalog().entry(MemberHead.KIND, server);
    return e == null ? null : MemberHead.of(e).snapshotId();
  }

  /** The composite of a snapshot's attached systems (opened through the registry). */
  public static CompositeSystem composite(SystemRegistry registry, Snapshot snapshot) {
    Map<String, VersionedSystem> members = new LinkedHashMap<>();
    for (ServerDef def : servers(snapshot).values()) {
      members.put(def.name(), registry.system(def));
    }
    return new CompositeSystem(members);
  }

  /**
   * The system of {@code def} as {@code snapshot} recorded it: bound to the recorded member
   * snapshot, else (nothing recorded yet) to {@code branch}'s head.
   */
  public static TabularSystem at(SystemRegistry registry, ServerDef def, Snapshot snapshot,
      String branch) {
    VersionedSystem s = registry.system(def);
    String head = head(snapshot, def.name());
    VersionedSystem bound;
    if (head != null && s instanceof Snapshotable snap) {
      bound = snap.asOf(head);
    } else if (s instanceof Branchable b && b.branches().contains(branch)) {
      bound = b.checkout(branch);
    } else {
      bound = s;
    }
    return tabular(def.name(), bound);
  }

  /** The system bound to branch {@code branch} for writing (making the branch if it lacks it). */
  public static TabularSystem onBranch(SystemRegistry registry, ServerDef def, Snapshot snapshot,
      String branch) {
    VersionedSystem s = registry.system(def);
    if (s instanceof Branchable b) {
      if (!b.branches().contains(branch)) {
        String head = head(snapshot, def.name());
        b.branch(branch, head != null ? head : Branchable.DEFAULT_BRANCH);
      }
      return tabular(def.name(), b.checkout(branch));
    }
    return tabular(def.name(), s);
  }

  static TabularSystem tabular(String name, VersionedSystem s) {
    if (s instanceof TabularSystem t) {
      return t;
    }
    throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
        "system \"" + name + "\" exposes no tables");
  }

  /** The capabilities of a system as a comma list of wire names, in layer order. */
  public static String capabilityList(VersionedSystem s) {
    List<String> names = s.capabilities().layers().stream().sorted()
        .map(l -> l.wireName()).toList();
    return String.join(",", names);
  }
}
