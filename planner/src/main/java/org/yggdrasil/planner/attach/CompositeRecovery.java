package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Puts the members of a database back in line with its last durable commit after a crash in the
 * middle of a composite commit or merge (members change first, the database records them last).
 * The database commit is the commit point: a member step the journal shows but the branch's head
 * commit does not record was never acknowledged, so the member's branch is reset to the head it
 * had before (undo by branch reset, spec "overlay-as-prepare"); a step the head records already
 * is complete and stays. A member whose branch moved to anything else since (a commit made
 * outside Yggdrasil, e.g. to the Git repository) is left alone and reported.
 */
final class CompositeRecovery {
  private static final System.Logger LOG = System.getLogger(CompositeRecovery.class.getName());

  private CompositeRecovery() {}

  /** Reconciles what {@code journal} holds, then removes it. Returns what was done, for logs. */
  static List<String> run(NativeDatabase database, SystemRegistry registry, CommitJournal journal) {
    CommitJournal.Record record = journal.read();
    List<String> done = new ArrayList<>();
    if (record == null) {
      return done;
    }
    if (database.branches().contains(record.branch())) {
      Snapshot head = database.snapshot(record.branch());
      Map<String, ServerDef> servers = MemberViews.servers(head);
      Map<String, String> recorded = MemberViews.heads(head);
      for (CommitJournal.Step step : record.steps()) {
        String outcome = reconcile(step, record.branch(), servers.get(step.member()),
            recorded.get(step.member()), registry);
        if (outcome != null) {
          done.add(outcome);
          LOG.log(System.Logger.Level.WARNING, outcome);
        }
      }
    }
    journal.delete();
    return done;
  }

  private static String reconcile(CommitJournal.Step step, String branch, ServerDef def,
      String recorded, SystemRegistry registry) {
    if (def == null) {
      return null; // attached by the interrupted transaction itself: not part of the database
    }
    if (step.after() != null && step.after().equals(recorded)) {
      return null; // the database commit recording this step is durable: complete
    }
    VersionedSystem system = registry.system(def);
    if (!(system instanceof Branchable b) || !b.branches().contains(branch)) {
      return null;
    }
    String target = step.before() != null ? step.before() : recorded;
    String live = b.checkout(branch).snapshotId();
    if (target == null || live.equals(target)) {
      return null; // the member never changed (or was put back before the crash)
    }
    boolean ours = step.after() != null ? live.equals(step.after())
        : b.parentIds(live).contains(target); // crashed before the journal heard the new head
    if (!ours) {
      return "system \"" + step.member() + "\": branch \"" + branch + "\" moved to " + live
          + " outside the interrupted commit; left as it is";
    }
    b.resetBranch(branch, target);
    return "system \"" + step.member() + "\": branch \"" + branch + "\" reset from " + live
        + " to " + target + ", the head the database last recorded";
  }
}
