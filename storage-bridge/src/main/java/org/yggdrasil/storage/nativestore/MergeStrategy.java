package org.yggdrasil.storage.nativestore;

import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** What a merge does with conflicts: stop (nothing changes), keep the target's, take the source's. */
public enum MergeStrategy {
  FAIL, OURS, THEIRS;

  /** The strategy a name denotes ("fail", "ours", "theirs"); null means fail. */
  public static MergeStrategy of(String name) {
    if (name == null) {
      return FAIL;
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "unknown merge strategy \"" + name + "\"", null,
          "Use 'fail' (the default), 'ours' or 'theirs'.", 0, null);
    }
  }
}
