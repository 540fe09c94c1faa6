package org.yggdrasil.planner.session;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * NOTICE messages a statement raises while it runs ("drop cascades to …", "… does not exist,
 * skipping"), collected on the executing thread; the wire side sends them before the
 * statement's CommandComplete, as PostgreSQL does.
 */
public final class Notices {
  private static final ThreadLocal<List<SqlStateException>> PENDING =
      ThreadLocal.withInitial(ArrayList::new);

  private Notices() {}

  /** Raises a notice (SQLSTATE 00000) with an optional DETAIL. */
  public static void raise(String message, String detail) {
    PENDING.get().add(new SqlStateException(SqlState.SUCCESSFUL_COMPLETION, message, detail, null,
        0, null));
  }

  /** The notices raised since the last call, oldest first. */
  public static List<SqlStateException> drain() {
    List<SqlStateException> pending = PENDING.get();
    if (pending.isEmpty()) {
      return List.of();
    }
    List<SqlStateException> out = List.copyOf(pending);
    pending.clear();
    return out;
  }
}
