package org.yggdrasil.pgwire.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.SqlEngine;
import org.yggdrasil.planner.session.StartupParameters;

/**
 * A stand-in engine for wire tests: database {@code nope} does not exist (3D000); every other
 * startup opens a {@link FakeSession}, whose tiny statement language is documented there.
 */
public final class FakeEngine implements SqlEngine {
  private final AtomicInteger nextPid = new AtomicInteger(1000);
  private final Map<Integer, FakeSession> byPid = new ConcurrentHashMap<>();
  public final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
  public final AtomicInteger cancelRequests = new AtomicInteger();
  public volatile boolean closed;

  @Override
  public Session open(StartupParameters startup) {
    if (startup.database().equals("nope")) {
      throw new SqlStateException(
          SqlState.INVALID_CATALOG_NAME, "database \"nope\" does not exist");
    }
    int pid = nextPid.getAndIncrement();
    FakeSession s = new FakeSession(pid, pid * 31 + 7, startup);
    byPid.put(pid, s);
    sessions.add(s);
    return s;
  }

  @Override
  public void cancel(int processId, int secretKey) {
    cancelRequests.incrementAndGet();
    FakeSession s = byPid.get(processId);
    if (s != null && s.secretKey() == secretKey) {
      s.cancel();
    }
  }

  /** The most recently opened session. */
  public FakeSession last() {
    return sessions.get(sessions.size() - 1);
  }

  @Override
  public void close() {
    closed = true;
  }
}
