package org.yggdrasil.planner.session;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * Creates sessions from startup packets: applies the startup parameters ({@code options=-c
 * name=value …} and settings given directly, as pgjdbc sends DateStyle and TimeZone) the way
 * PostgreSQL applies them, as the values RESET returns to.
 */
public final class SessionFactory {
  private SessionFactory() {}

  public static YggSession create(String databaseName, NativeDatabase database, String user,
      int processId, int secretKey, Map<String, String> startup, ScheduledExecutorService timer,
      Runnable onClose, DatabaseAdmin admin) {
    YggSession session = new YggSession(databaseName, database, user, processId, secretKey,
        timer, onClose);
    session.databaseAdmin(admin);
    for (Map.Entry<String, String> e : startup.entrySet()) {
      String name = e.getKey();
      switch (name) {
        case "user", "database", "replication", "options" -> {
          // handled elsewhere
        }
        default -> {
          if (SettingsRegistry.find(name) != null || SettingsRegistry.isCustom(name)) {
            session.settings().setStartValue(name, e.getValue());
          }
        }
      }
    }
    String options = startup.get("options");
    if (options != null) {
      applyOptions(session, options);
    }
    return session;
  }

  /** {@code -c name=value} and {@code --name=value}, separated by spaces ({@code \ } escapes). */
  private static void applyOptions(YggSession session, String options) {
    String[] words = options.trim().split("(?<!\\\\)\\s+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i].replace("\\ ", " ");
      String assignment = null;
      if (w.equals("-c") && i + 1 < words.length) {
        assignment = words[++i].replace("\\ ", " ");
      } else if (w.startsWith("-c")) {
        assignment = w.substring(2);
      } else if (w.startsWith("--")) {
        assignment = w.substring(2);
      } else if (!w.isEmpty()) {
        throw new SqlStateException(SqlState.PROTOCOL_VIOLATION,
            "invalid command-line argument for server process: " + w);
      }
      if (assignment != null) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
          throw new SqlStateException(SqlState.SYNTAX_ERROR,
              "-c " + assignment + " requires a value");
        }
        session.settings().setStartValue(assignment.substring(0, eq).replace('-', '_'),
            assignment.substring(eq + 1));
      }
    }
  }
}
