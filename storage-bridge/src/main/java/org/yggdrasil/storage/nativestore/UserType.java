package org.yggdrasil.storage.nativestore;

import java.util.Objects;

/**
 * The user-defined type of a column (an enum made with CREATE TYPE … AS ENUM): its name and its
 * OID (pg_type.oid). The column's values are stored as its {@link ColumnDef#type()} (text); the
 * planner checks them against the type's labels.
 */
public record UserType(String name, long oid) {
  public UserType {
    Objects.requireNonNull(name, "name");
  }
}
