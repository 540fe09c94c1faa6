package org.yggdrasil.storage.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.HeadMove;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.Transaction;

/** The HLC of an on-disk database never goes backwards across a restart. */
class HlcAcrossRestartTest {
  @TempDir Path dir;

  private static String commit(NativeDatabase db, String branch, String k) {
    Transaction tx = db.begin(branch);
    tx.insert("t", List.<Object[]>of(new Object[] {k}));
    return tx.commit("add " + k, null).commitId();
  }

  @Test
  void nextCommitAfterReopenFollowsEveryEarlierTimestamp() {
    Hlc highest;
    try (NativeDatabase db = NativeDatabase.open(dir)) {
      Transaction tx = db.begin("main");
      tx.createTable(TableSchema.of("t", List.of(ColumnDef.of("k", ColumnType.TEXT))));
      tx.commit();
      // Many events in a few milliseconds push the logical counter up, so a clock restarting
      // from the wall time alone would hand out smaller timestamps.
      String first = null;
      for (int i = 0; i < 50; i++) {
        String id = commit(db, "main", "k" + i);
        first = first == null ? id : first;
      }
      db.resetBranch("main", first); // the last event is a head move, not a commit
      List<HeadMove> moves = db.headHistory("main");
      highest = moves.get(moves.size() - 1).hlc();
      for (HeadMove m : moves) {
        assertTrue(!m.hlc().isAfter(highest), "head moves are ordered by HLC");
      }
    }
    for (int restart = 0; restart < 3; restart++) {
      try (NativeDatabase db = NativeDatabase.open(dir)) {
        NativeSystem sys = NativeSystem.open(db);
        Hlc next = sys.snapshotRef(commit(db, "main", "after" + restart)).hlc();
        assertTrue(next.isAfter(highest), "commit after reopen " + next + " must follow " + highest);
        highest = next;
      }
    }
  }
}
