package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.EnumDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * Columns of enum types: their values are stored as the labels' text, so every write (INSERT,
 * UPDATE, COPY, upserts) is checked here against the type's labels in the writing snapshot.
 */
public final class EnumColumns {
  private EnumColumns() {}

  /** 22P02 for the first value of an enum column that is not one of its type's labels. */
  public static void verify(Snapshot snapshot, String table, List<Object[]> rows) {
    TableVersion t = snapshot.table(table);
    if (t == null || rows.isEmpty()) {
      return;
    }
    List<ColumnDef> cols = t.schema().columns();
    for (int c = 0; c < cols.size(); c++) {
      ColumnDef col = cols.get(c);
      if (col.userType() == null) {
        continue;
      }
      EnumDef type = snapshot.catalog().enumType(col.userType().name());
      java.util.Set<String> labels = new java.util.HashSet<>();
      if (type != null) {
        type.labels().forEach(l -> labels.add(l.label()));
      }
      for (Object[] row : rows) {
        Object v = c < row.length ? row[c] : null;
        if (v != null && !labels.contains(v.toString())) {
          throw invalidInput(col.userType().name(), v.toString());
        }
      }
    }
  }

  /** 22P02 unless {@code value} (non-null) is a label of {@code col}'s enum type. */
  static void verifyValue(Snapshot snapshot, ColumnDef col, Object value) {
    EnumDef type = snapshot.catalog().enumType(col.userType().name());
    if (type == null || type.label(value.toString()) == null) {
      throw invalidInput(col.userType().name(), value.toString());
    }
  }

  /** PostgreSQL's error for text that is not a label of the enum. */
  public static SqlStateException invalidInput(String type, String value) {
    return new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input value for enum " + type + ": \"" + value + "\"");
  }

  /** The columns of type {@code typeName}: {table, column} pairs, by table then column order. */
  static List<String[]> usages(Snapshot snapshot, String typeName) {
    List<String[]> out = new ArrayList<>();
    for (TableSchema t : snapshot.tables()) {
      for (ColumnDef col : t.columns()) {
        if (col.userType() != null && col.userType().name().equals(typeName)) {
          out.add(new String[] {t.name(), col.name()});
        }
      }
    }
    return out;
  }
}
