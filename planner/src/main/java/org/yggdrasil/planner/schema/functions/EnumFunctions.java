package org.yggdrasil.planner.schema.functions;

import org.apache.calcite.linq4j.function.NonDeterministic;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.EnumDef;

/**
 * Input conversion to an enum type ({@code 'ok'::mood}, {@code CAST(x AS mood)}): the text must
 * be one of the type's labels in the executing statement's snapshot. Non-deterministic so that
 * plans never fold it.
 */
@NonDeterministic
public final class EnumFunctions {
  private EnumFunctions() {}

  /** {@code value} unchanged when it is a label of enum {@code type}; 22P02 otherwise. */
  public static String enum_in(String value, String type) {
    if (value == null) {
      return null;
    }
    org.yggdrasil.storage.nativestore.Snapshot snapshot;
    try {
      snapshot = SessionInfo.currentSnapshot();
    } catch (IllegalStateException e) {
      return value; // no session (a DEFAULT evaluated by DDL): the write checks the label
    }
    EnumDef def = snapshot == null ? null : snapshot.catalog().enumType(type);
    if (def == null) {
      return value;
    }
    if (def.label(value) == null) {
      throw new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid input value for enum " + type + ": \"" + value + "\"");
    }
    return value;
  }
}
