package org.yggdrasil.storage.nativestore;

import java.util.Map;

/**
 * A change the merge could not make on its own: both sides changed the same cell differently,
 * one deleted a row the other changed, both added a row with the same key and different values,
 * incompatible schema changes, or a constraint the merged rows would break.
 *
 * @param table the table
 * @param kind what kind of conflict ("cell", "delete/change", "add/add", "schema", "constraint")
 * @param key the row's identifying values (null for schema conflicts)
 * @param base the row in the common ancestor (null when absent)
 * @param ours the row on the target (null when absent)
 * @param theirs the row on the source (null when absent)
 * @param detail what exactly conflicts (the columns, or the schema change)
 */
public record MergeConflict(String table, String kind, Map<String, Object> key,
    Map<String, Object> base, Map<String, Object> ours, Map<String, Object> theirs,
    String detail) {}
