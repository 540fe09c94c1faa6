package org.yggdrasil.catalog.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * The HLC-stamped registry of member commits (spec "Workspace"): each time a member of a
 * composite gets a new snapshot it is recorded with a timestamp from one clock, so "every
 * member as of time t" is the latest snapshot each member had at or before t. Thread-safe.
 */
public final class Workspace {
  /** One member commit as the workspace saw it. */
  public record Entry(String systemId, String snapshotId, Hlc hlc) {}

  private final Hlc.Clock clock;
  private final List<Entry> entries = new ArrayList<>();

  public Workspace(Hlc.Clock clock) {
    this.clock = clock;
  }

  /** Records that {@code systemId} is now at {@code snapshotId}; returns the stamp given. */
  public synchronized Hlc record(String systemId, String snapshotId) {
    Hlc now = clock.now();
    entries.add(new Entry(systemId, snapshotId, now));
    return now;
  }

  /** Records an entry stamped earlier (restored state); the clock moves past it. */
  public synchronized void restore(String systemId, String snapshotId, Hlc hlc) {
    clock.observe(hlc);
    entries.add(new Entry(systemId, snapshotId, hlc));
  }

  /** Each member's latest snapshot at or before {@code t} (members unseen by then are absent). */
  public synchronized Map<String, String> asOf(Hlc t) {
    Map<String, Entry> best = new TreeMap<>();
    for (Entry e : entries) {
      if (!e.hlc().isAfter(t)) {
        Entry b = best.get(e.systemId());
        if (b == null || !b.hlc().isAfter(e.hlc())) {
          best.put(e.systemId(), e);
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    best.forEach((id, e) -> out.put(id, e.snapshotId()));
    return out;
  }

  /** Each member's latest recorded snapshot. */
  public Map<String, String> latest() {
    return asOf(new Hlc(Long.MAX_VALUE, Integer.MAX_VALUE));
  }
}
