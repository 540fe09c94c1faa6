package org.yggdrasil.planner.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * LISTEN / NOTIFY across the sessions of one server: per (database, channel) the listening
 * sessions' delivery callbacks. Channel {@value #COMMITS} carries one notification per commit
 * of the database, with payload {@code {"database": …, "branch": …, "commit": …}}.
 */
public final class NotificationHub {
  public static final String COMMITS = "ygg_commits";

  private record Channel(String database, String name) {}

  private final Map<Channel, Map<Integer, Consumer<Notification>>> listeners =
      new ConcurrentHashMap<>();

  void listen(String database, String channel, int pid, Consumer<Notification> deliver) {
    listeners.computeIfAbsent(new Channel(database, channel), c -> new ConcurrentHashMap<>())
        .put(pid, deliver);
  }

  void unlisten(String database, String channel, int pid) {
    Map<Integer, Consumer<Notification>> m = listeners.get(new Channel(database, channel));
    if (m != null) {
      m.remove(pid);
    }
  }

  void unlistenAll(int pid) {
    for (Map<Integer, Consumer<Notification>> m : listeners.values()) {
      m.remove(pid);
    }
  }

  /** Channels session {@code pid} listens on in {@code database}. */
  Set<String> channels(String database, int pid) {
    Set<String> out = new java.util.TreeSet<>();
    listeners.forEach((c, m) -> {
      if (c.database().equals(database) && m.containsKey(pid)) {
        out.add(c.name());
      }
    });
    return out;
  }

  /** Delivers to every session listening on the channel (the sender too, as in PostgreSQL). */
  public void notify(String database, String channel, String payload, int senderPid) {
    Map<Integer, Consumer<Notification>> m = listeners.get(new Channel(database, channel));
    if (m == null) {
      return;
    }
    Notification n = new Notification(senderPid, channel, payload == null ? "" : payload);
    for (Consumer<Notification> deliver : m.values()) {
      deliver.accept(n);
    }
  }
}
