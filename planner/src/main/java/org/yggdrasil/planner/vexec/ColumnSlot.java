package org.yggdrasil.planner.vexec;

import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.chunk.Physical;

/**
 * A stored column a vectorized plan reads in place: its index in the table, how its chunks lay
 * out values, and the SQL type Calcite gave it (for turning stored values into results).
 */
public record ColumnSlot(int tableColumn, Encoding encoding, SqlTypeName sqlType) {

  /** The kernel element type of a fixed-width column, or null for text and UUID. */
  public Lane lane() {
    return laneOf(encoding.physical());
  }

  static Lane laneOf(Physical p) {
    return switch (p) {
      case BYTE -> Lane.BYTE;
      case SHORT -> Lane.SHORT;
      case INT -> Lane.INT;
      case LONG -> Lane.LONG;
      case FLOAT -> Lane.FLOAT;
      case DOUBLE -> Lane.DOUBLE;
      case UUID, VARLEN -> null;
    };
  }

  public boolean isText() {
    ColumnType t = encoding.type();
    return t == ColumnType.TEXT || t == ColumnType.VARCHAR;
  }

  public boolean isFloating() {
    Physical p = encoding.physical();
    return p == Physical.FLOAT || p == Physical.DOUBLE;
  }

  /** Integers, dates, timestamps and numerics stored as a scaled int64: ordered as their bits. */
  public boolean isExactNumber() {
    return encoding.exactBits() && encoding.type() != ColumnType.BOOL;
  }

  /** The power of ten a stored integer is scaled by (numeric(p, s) stored as int64), else 0. */
  public int scale() {
    return Math.max(encoding.scale(), 0);
  }
}
