package org.yggdrasil.planner.attach;

import org.apache.calcite.schema.SchemaPlus;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.planner.schema.functions.VersionControl;
import org.yggdrasil.storage.nativestore.Snapshot;

/** Adds a schema per attached system to a statement's root schema. */
public final class AttachedSchemas {
  private AttachedSchemas() {}

  /** One schema per attachment the snapshot records, named after the server. */
  public static void addTo(SchemaPlus root, Snapshot snapshot) {
    for (ServerDef def : MemberViews.servers(snapshot).values()) {
      if (root.getSubSchema(def.name()) == null) {
        root.add(def.name(), new AttachedSchema(def, snapshot));
      }
    }
  }

  /** The executing session's attached systems, or null outside a session. */
  static SessionSystems current() {
    try {
      VersionControl v = SessionInfo.currentVersions();
      return v == null ? null : v.systems();
    } catch (IllegalStateException noSession) {
      return null;
    }
  }
}
