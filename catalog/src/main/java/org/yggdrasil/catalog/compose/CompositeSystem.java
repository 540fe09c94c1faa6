package org.yggdrasil.catalog.compose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.Pickable;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * Several systems over one branch space (the fiber product of DESIGN §5): a composite snapshot
 * is one snapshot id per member, a composite branch is the same-named branch in every member.
 * Operations that change members apply to each in a fixed order (sorted member ids) and, when
 * one fails, put the members already changed back by branch reset, so none is left
 * half-applied. Member heads are passed in explicitly (they come from the composite commit that
 * recorded them), never read from the members' live branches, so a composite snapshot is a value.
 */
public final class CompositeSystem {
  private final SortedMap<String, VersionedSystem> members;

  public CompositeSystem(Map<String, ? extends VersionedSystem> members) {
    this.members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
  }

  /** Members by system id, sorted. */
  public SortedMap<String, VersionedSystem> members() {
    return members;
  }

  /**
   * The composite snapshot id: SHA-256 (hex) over the sorted {@code member id, snapshot id}
   * pairs, so equal member snapshots give equal ids whatever order they were recorded in.
   */
  public static String snapshotId(Map<String, String> memberSnapshots) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(memberSnapshots).entrySet()) {
      sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Creates branch {@code name} in every branchable member at its snapshot in {@code at} (its
   * default branch's head when absent). A member that already has the branch is reset to that
   * snapshot: the composite owns the branch space. On failure the branches made so far go again.
   * Returns the new member heads.
   */
  public Map<String, String> branch(String name, Map<String, String> at) {
    Map<String, String> heads = new LinkedHashMap<>();
    List<String> created = new ArrayList<>();
    try {
      for (Map.Entry<String, VersionedSystem> m : members.entrySet()) {
        if (!(m.getValue() instanceof Branchable b)) {
          continue;
        }
        String from = at.get(m.getKey());
        if (b.branches().contains(name)) {
          b.resetBranch(name, from != null ? from : b.snapshotId());
          heads.put(m.getKey(), b.checkout(name).snapshotId());
        } else {
          SnapshotRef ref = b.branch(name, from != null ? from : Branchable.DEFAULT_BRANCH);
          created.add(m.getKey());
          heads.put(m.getKey(), ref.snapshotId());
        }
      }
    } catch (RuntimeException e) {
      for (String id : created) {
        try {
          ((Branchable) members.get(id)).deleteBranch(name);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    return heads;
  }

  /** Deletes branch {@code name} in every branchable member that has it. */
  public void deleteBranch(String name) {
    for (VersionedSystem m : members.values()) {
      if (m instanceof Branchable b && b.branches().contains(name)
          && !name.equals(Branchable.DEFAULT_BRANCH)) {
        b.deleteBranch(name);
      }
    }
  }

  /**
   * The conflicts merging {@code theirs} into {@code ours} would meet, over every mergeable
   * member whose snapshots differ.
   */
  public List<Conflict> conflicts(Map<String, String> ours, Map<String, String> theirs) {
    List<Conflict> out = new ArrayList<>();
    for (Map.Entry<String, VersionedSystem> m : members.entrySet()) {
      String a = ours.get(m.getKey());
      String b = theirs.get(m.getKey());
      if (m.getValue() instanceof Mergeable mergeable && a != null && b != null && !a.equals(b)) {
        out.addAll(mergeable.conflicts(a, b));
      }
    }
    return out;
  }

  /**
   * Merges each mergeable member's {@code sources} snapshot into its branch {@code target}, in
   * order. If a member's merge fails or stops on conflicts, the members merged so far are reset
   * to their heads before the merge and the error (40001 for conflicts) is thrown. Returns the
   * new heads of the members merged.
   */
  public Map<String, String> merge(String target, Map<String, String> sources, MergePolicy policy,
      String message) {
    return merge(target, sources, policy, message, StepLog.NONE);
  }

  /** {@link #merge(String, Map, MergePolicy, String)}, telling {@code log} about each step. */
  public Map<String, String> merge(String target, Map<String, String> sources, MergePolicy policy,
      String message, StepLog log) {
    SortedMap<String, Supplier<String>> steps = new TreeMap<>();
    for (Map.Entry<String, VersionedSystem> m : members.entrySet()) {
      String source = sources.get(m.getKey());
      if (m.getValue() instanceof Mergeable && m.getValue() instanceof Branchable b
          && source != null) {
        steps.put(m.getKey(), () -> {
          Mergeable onTarget = (Mergeable) b.checkout(target);
          MergeOutcome outcome = onTarget.merge(source, policy, message);
          if (outcome.stopped()) {
            throw new SqlStateException(SqlState.SERIALIZATION_FAILURE, "merging into system \""
                + m.getKey() + "\" stopped by " + outcome.conflicts().size() + " conflicts");
          }
          return outcome.snapshotId();
        });
      }
    }
    return inOrder(target, steps, log);
  }

  /**
   * The conflicts applying each member's change {@code from} → {@code to} to its snapshot in
   * {@code onto} would meet, over every {@link Pickable} member whose two snapshots differ.
   */
  public List<Conflict> pickConflicts(Map<String, String> onto, Map<String, String> from,
      Map<String, String> to) {
    List<Conflict> out = new ArrayList<>();
    for (Map.Entry<String, VersionedSystem> m : members.entrySet()) {
      String id = m.getKey();
      if (m.getValue() instanceof Pickable p && changes(id, from, to) && onto.get(id) != null) {
        out.addAll(p.pickConflicts(onto.get(id), from.get(id), to.get(id)));
      }
    }
    return out;
  }

  /**
   * Applies each pickable member's change {@code from} → {@code to} to its branch {@code
   * target}, in order (cherry-pick; revert with the maps swapped). If a member stops on
   * conflicts or fails, the members changed so far are reset and the error (40001 for
   * conflicts) is thrown. Returns the new heads of the members changed.
   */
  public Map<String, String> pick(String target, Map<String, String> from,
      Map<String, String> to, MergePolicy policy, String message, StepLog log) {
    SortedMap<String, Supplier<String>> steps = new TreeMap<>();
    for (Map.Entry<String, VersionedSystem> m : members.entrySet()) {
      String id = m.getKey();
      if (m.getValue() instanceof Pickable && m.getValue() instanceof Branchable b
          && changes(id, from, to)) {
        steps.put(id, () -> {
          MergeOutcome outcome = ((Pickable) b.checkout(target))
              .pick(from.get(id), to.get(id), policy, message);
          if (outcome.stopped()) {
            throw new SqlStateException(SqlState.SERIALIZATION_FAILURE, "applying the change to"
                + " system \"" + id + "\" stopped by " + outcome.conflicts().size()
                + " conflicts");
          }
          return outcome.snapshotId();
        });
      }
    }
    return inOrder(target, steps, log);
  }

  private static boolean changes(String id, Map<String, String> from, Map<String, String> to) {
    String a = from.get(id);
    String b = to.get(id);
    return a != null && b != null && !a.equals(b);
  }

  /** What changed in each mergeable member from {@code from} to {@code to} (differing ones). */
  public List<Delta> diff(Map<String, String> from, Map<String, String> to) {
    List<Delta> out = new ArrayList<>();
    for (Map.Entry<String, VersionedSystem> m : members.entrySet()) {
      String a = from.get(m.getKey());
      String b = to.get(m.getKey());
      if (m.getValue() instanceof Mergeable mergeable && a != null && b != null && !a.equals(b)) {
        out.add(mergeable.diff(a, b));
      }
    }
    return out;
  }

  /**
   * Runs one step per member in member-id order (each changes that member's branch {@code
   * branch} and returns its new head). If a step fails, every member whose step ran is reset to
   * its head before (undo by branch reset) and the failure is rethrown. Returns member → new head.
   */
  public Map<String, String> inOrder(String branch, SortedMap<String, Supplier<String>> steps) {
    return inOrder(branch, steps, StepLog.NONE);
  }

  /**
   * {@link #inOrder(String, SortedMap)}, telling {@code log} before each step runs (with the
   * member's head then) and after it changed the member (with its new head), so a caller can
   * keep a durable prepare record and put members back after a crash.
   */
  public Map<String, String> inOrder(String branch, SortedMap<String, Supplier<String>> steps,
      StepLog log) {
    Map<String, String> before = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Supplier<String>> step : steps.entrySet()) {
        String head = headOf(step.getKey(), branch);
        before.put(step.getKey(), head);
        log.started(step.getKey(), head);
        String next = step.getValue().get();
        after.put(step.getKey(), next);
        log.changed(step.getKey(), next);
      }
    } catch (RuntimeException e) {
      undo(branch, before, e);
      throw e;
    }
    return after;
  }

  /** Puts each member's branch back to the head in {@code heads}; failures are added to {@code e}. */
  public void undo(String branch, Map<String, String> heads, RuntimeException e) {
    for (Map.Entry<String, String> h : heads.entrySet()) {
      try {
        if (h.getValue() != null && members.get(h.getKey()) instanceof Branchable b) {
          b.resetBranch(branch, h.getValue());
        }
      } catch (RuntimeException suppressed) {
        if (e != null) {
          e.addSuppressed(suppressed);
        }
      }
    }
  }

  /** A member's live head on {@code branch}, or null when it is not branchable or lacks it. */
  public String headOf(String memberId, String branch) {
    if (members.get(memberId) instanceof Branchable b && b.branches().contains(branch)) {
      return b.checkout(branch).snapshotId();
    }
    return null;
  }

  /** Hears about the member steps of {@link #inOrder}, in order, as they happen. */
  public interface StepLog {
    StepLog NONE = new StepLog() {
      @Override
      public void started(String memberId, String before) {}

      @Override
      public void changed(String memberId, String after) {}
    };

    /** A member's step is about to run; {@code before} is its head (null: lacks the branch). */
    void started(String memberId, String before);

    /** A member's step ran and left its branch at {@code after}. */
    void changed(String memberId, String after);
  }
}
