package org.yggdrasil.planner.attach;

import java.util.List;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.storage.nativestore.CatalogEntry;

/**
 * The snapshot an attached system was at when a database commit was made: a catalog entry of
 * kind {@code member} in that commit, so the commit's id (content-derived) covers every member
 * and reading the commit later reads each member at exactly that snapshot.
 */
public record MemberHead(String systemId, String snapshotId, Hlc hlc) {
  public static final String KIND = "member";

  public CatalogEntry toEntry() {
    return new CatalogEntry(KIND, systemId, List.of(snapshotId, hlc.toString()));
  }

  public static MemberHead of(CatalogEntry e) {
    return new MemberHead(e.name(), e.fields().get(0), Hlc.parse(e.fields().get(1)));
  }
}
