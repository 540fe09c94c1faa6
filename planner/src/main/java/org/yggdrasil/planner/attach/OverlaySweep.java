package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.storage.nativestore.NativeDatabase;

/**
 * Overlays do not outlive the server: an overlay belongs to one connection (closing it discards
 * the overlay), and after a restart no connection holds one, so the hidden branches a crash
 * left behind ({@code <parent>+overlay-<pid>-<n>}, in the database and in every member) are
 * deleted as the database opens. Their writes were never merged down, so nothing acknowledged
 * on a visible branch goes. Process ids restart with the server, so without this sweep a new
 * session's overlay could collide with a leftover one.
 */
public final class OverlaySweep {
  private static final Pattern HIDDEN = Pattern.compile(".+\\+overlay-\\d+-\\d+");

  private OverlaySweep() {}

  /** The hidden branch of overlay {@code n} that session {@code processId} opens on {@code parent}. */
  static String hiddenBranch(String parent, int processId, long n) {
    return parent + "+overlay-" + processId + "-" + n;
  }

  /** Whether {@code branch} is an overlay's hidden branch. */
  public static boolean isHidden(String branch) {
    return HIDDEN.matcher(branch).matches();
  }

  /** 22023 for a user branch name that has the form reserved for overlays. */
  static void checkNotHidden(String branch) {
    if (branch != null && isHidden(branch)) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid branch name \"" + branch + "\": names of the form <branch>+overlay-<n>-<n>"
              + " are reserved for overlays", null, "Choose another name.", 0, null);
    }
  }

  /** Deletes every overlay branch of {@code database} and of its members. Returns their names. */
  static List<String> run(NativeDatabase database, SystemRegistry registry) {
    List<String> hidden = new ArrayList<>();
    Map<String, ServerDef> servers = new LinkedHashMap<>();
    for (String b : database.branches()) {
      if (isHidden(b)) {
        hidden.add(b);
        servers.putAll(MemberViews.servers(database.snapshot(b)));
      }
    }
    for (String b : hidden) {
      database.dropBranch(b);
    }
    for (ServerDef def : servers.values()) {
      VersionedSystem s = registry.system(def);
      if (s instanceof Branchable m) {
        for (String b : List.copyOf(m.branches())) {
          if (isHidden(b)) {
            m.deleteBranch(b);
          }
        }
      }
    }
    return hidden;
  }
}
