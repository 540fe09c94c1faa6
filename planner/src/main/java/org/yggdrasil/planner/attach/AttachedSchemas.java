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

  /**
   * The attached tables a snapshot records, as (schema, table, writable) rows for the
   * information schema; empty outside a session.
   */
  public static java.util.List<Object[]> tables(Snapshot snapshot) {
    SessionSystems systems = current();
    java.util.List<Object[]> out = new java.util.ArrayList<>();
    if (systems == null) {
      return out;
    }
    for (ServerDef def : MemberViews.servers(snapshot).values()) {
      for (var t : systems.tables(def, snapshot)) {
        out.add(new Object[] {def.name(), t.name(), t.writable()});
      }
    }
    return out;
  }

  /**
   * An attached table as pg_catalog lists it (a foreign table): its server, name and columns as
   * the snapshot records the system.
   */
  public record Relation(ServerDef server, String name,
      java.util.List<org.yggdrasil.storage.nativestore.ColumnDef> columns, boolean writable) {}

  /** The attached tables a snapshot records, server by server; empty outside a session. */
  public static java.util.List<Relation> relations(Snapshot snapshot) {
    SessionSystems systems = current();
    java.util.List<Relation> out = new java.util.ArrayList<>();
    if (systems == null) {
      return out;
    }
    for (ServerDef def : MemberViews.servers(snapshot).values()) {
      for (var t : systems.tables(def, snapshot)) {
        out.add(new Relation(def, t.name(), t.columns().stream().map(ColumnMapping::def).toList(),
            t.writable()));
      }
    }
    return out;
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
