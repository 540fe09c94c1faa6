package org.yggdrasil.planner.copy;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The table of a COPY and the columns its data holds, in data order, resolved against a
 * snapshot with PostgreSQL's errors (42P01, 42703, 42701).
 *
 * @param schema the table
 * @param columns indexes into the table's columns, one per field of a row
 */
public record CopyTarget(TableSchema schema, int[] columns) {

  public static CopyTarget resolve(Snapshot snapshot, String table, List<String> names) {
    TableVersion version = snapshot.table(table);
    if (version == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + table + "\" does not exist");
    }
    TableSchema schema = version.schema();
    if (names == null) {
      int[] all = new int[schema.columns().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return new CopyTarget(schema, all);
    }
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      String name = names.get(i);
      int index = schema.columnIndex(name);
      if (index < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
            "column \"" + name + "\" of relation \"" + schema.name() + "\" does not exist");
      }
      for (int j = 0; j < i; j++) {
        if (out[j] == index) {
          throw new SqlStateException(SqlState.DUPLICATE_COLUMN,
              "column \"" + name + "\" specified more than once");
        }
      }
      out[i] = index;
    }
    return new CopyTarget(schema, out);
  }

  /** The copied columns' definitions, in data order. */
  public List<ColumnDef> columnDefs() {
    List<ColumnDef> defs = new ArrayList<>(columns.length);
    for (int c : columns) {
      defs.add(schema.column(c));
    }
    return defs;
  }

  /**
   * Per field of a row: whether its column is one of {@code names} (FORCE_NULL and friends);
   * null when {@code names} is. {@link CopyOptions#ALL} names every column.
   */
  boolean[] flags(List<String> names, String option) {
    if (names == null) {
      return null;
    }
    boolean[] flags = new boolean[columns.length];
    if (names == CopyOptions.ALL) {
      java.util.Arrays.fill(flags, true);
      return flags;
    }
    for (String name : names) {
      int index = schema.columnIndex(name);
      if (index < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
            "column \"" + name + "\" of relation \"" + schema.name() + "\" does not exist");
      }
      int field = -1;
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] == index) {
          field = i;
        }
      }
      if (field < 0) {
        throw new SqlStateException(SqlState.INVALID_COLUMN_REFERENCE,
            option + " column \"" + name + "\" not referenced by COPY");
      }
      flags[field] = true;
    }
    return flags;
  }
}
