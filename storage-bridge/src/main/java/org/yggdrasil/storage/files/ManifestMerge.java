package org.yggdrasil.storage.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.MergePolicy;

/**
 * Three-way merge of manifests, file by file: a file changed on one side only takes that side; a
 * file both sides changed the same way is kept; a file both changed differently is merged by
 * {@link ContentMerge} (record by record, see {@link RowMerge}) or else is a conflict
 * (renderings are the files' hashes, null where a side deleted it), resolved by the policy.
 */
final class ManifestMerge {
  private ManifestMerge() {}

  record Result(Manifest merged, List<Conflict> conflicts) {}

  /** Merges the contents of one file both sides changed; returns the merged blob or null. */
  interface ContentMerge {
    String merge(String path, String base, String ours, String theirs);
  }

  static Result merge(String systemId, Manifest base, Manifest ours, Manifest theirs,
      MergePolicy policy, ContentMerge contents) {
    TreeSet<String> paths = new TreeSet<>(base.files().keySet());
    paths.addAll(ours.files().keySet());
    paths.addAll(theirs.files().keySet());
    TreeMap<String, String> out = new TreeMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (String path : paths) {
      String b = base.blob(path);
      String o = ours.blob(path);
      String t = theirs.blob(path);
      String pick;
      if (Objects.equals(o, t) || Objects.equals(t, b)) {
        pick = o;
      } else if (Objects.equals(o, b)) {
        pick = t;
      } else if (b != null && o != null && t != null
          && (pick = contents.merge(path, b, o, t)) != null) {
        // both changed the file, in records the other did not touch
      } else {
        conflicts.add(new Conflict(systemId, path, b, o, t, detail(b, o, t)));
        pick = policy == MergePolicy.THEIRS ? t : o;
      }
      if (pick != null) {
        out.put(path, pick);
      }
    }
    return new Result(new Manifest(out), conflicts);
  }

  private static String detail(String base, String ours, String theirs) {
    if (ours == null) {
      return "deleted on the target, changed on the source";
    }
    if (theirs == null) {
      return "changed on the target, deleted on the source";
    }
    return base == null ? "added differently on both sides" : "changed differently on both sides";
  }
}
