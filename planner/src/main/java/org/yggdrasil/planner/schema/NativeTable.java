package org.yggdrasil.planner.schema;

import org.yggdrasil.planner.schema.functions.TimestampMicros;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.RowCursor;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * A native-store table version as Calcite sees it. Scans read only the projected columns, and an
 * equality filter on the whole primary key becomes an index lookup instead of a scan.
 *
 * <p>For UPDATE and DELETE the planner asks for a variant with one extra trailing BIGINT column,
 * {@value #POSITION_COLUMN}, carrying each row's position in the table version.
 */
public final class NativeTable extends AbstractTable implements ProjectableFilterableTable {
  /** Name of the hidden row-position column exposed to DML queries. */
  public static final String POSITION_COLUMN = "_ygg_position";

  private final TableVersion table;
  private final boolean withPosition;
  /** True for a version named by FOR SYSTEM_TIME AS OF: read as planned, not looked up again. */
  private final boolean pinned;

  public NativeTable(TableVersion table, boolean withPosition) {
    this(table, withPosition, false);
  }

  private NativeTable(TableVersion table, boolean withPosition, boolean pinned) {
    this.table = table;
    this.withPosition = withPosition;
    this.pinned = pinned;
  }

  /** A table version some ref shows, read as it was when the query was planned. */
  static NativeTable pinned(TableVersion table) {
    return new NativeTable(table, false, true);
  }

  /** True for the DML variant with the hidden position column. */
  public boolean withPosition() {
    return withPosition;
  }

  public TableVersion version() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDef col : table.schema().columns()) {
      b.add(col.name(), ColumnTypes.relType(f, col));
    }
    if (withPosition) {
      b.add(POSITION_COLUMN, f.createSqlType(SqlTypeName.BIGINT));
    }
    return b.build();
  }

  /**
   * The version of this table in the snapshot the executing statement reads. Plans are cached
   * and Calcite's interpreter keeps the table object it planned with, so the data is always
   * looked up again through the runtime root schema, never taken from this planning-time object.
   */
  public TableVersion versionAt(DataContext root) {
    if (pinned) {
      return table;
    }
    var schema = root.getRootSchema().getSubSchema("public");
    SnapshotSchema snapshot = schema == null ? null : schema.unwrap(SnapshotSchema.class);
    TableVersion version = snapshot == null ? null : snapshot.version(table.schema().name());
    if (version == null) {
      throw new org.yggdrasil.catalog.error.SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + table.schema().name() + "\" does not exist");
    }
    return version;
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    TableVersion table = versionAt(root);
    TableSchema schema = table.schema();
    int columnCount = schema.columns().size();
    int[] wanted = projects;
    if (wanted == null) {
      wanted = new int[columnCount + (withPosition ? 1 : 0)];
      for (int i = 0; i < wanted.length; i++) {
        wanted[i] = i;
      }
    }
    int[] stored = java.util.Arrays.stream(wanted).filter(i -> i < columnCount).toArray();
    int[] outputSlot = new int[wanted.length];
    int positionSlot = -1;
    int s = 0;
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i] >= columnCount) {
        positionSlot = i;
      } else {
        outputSlot[i] = s++;
      }
    }
    KeyLookup lookup = keyLookup(root, filters, table);
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    final int posSlot = positionSlot;
    final int[] w = wanted;
    if (lookup != null) {
      long position = table.lookupKey(lookup.keyNumber(), lookup.key());
      if (position < 0) {
        return Linq4j.emptyEnumerable();
      }
      Object[] values = table.row(position, stored);
      return Linq4j.singletonEnumerable(assemble(values, w, outputSlot, posSlot, position));
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ScanEnumerator(table.scan(stored), stored.length, w, outputSlot, posSlot,
            cancel);
      }
    };
  }

  private static Object[] assemble(Object[] values, int[] wanted, int[] slot, int posSlot,
      long position) {
    Object[] row = new Object[wanted.length];
    for (int i = 0; i < wanted.length; i++) {
      row[i] = i == posSlot ? (Object) position : InternalValues.fromStore(values[slot[i]]);
    }
    return row;
  }

  /** A lookup through key index number {@code keyNumber} (see {@link TableVersion#keyColumns}). */
  private record KeyLookup(int keyNumber, Object[] key) {}

  /**
   * If {@code filters} pin every column of a key (the primary key, a unique constraint or a unique
   * index, tried in that order) to a literal or parameter, removes those conjuncts (the lookup
   * answers them) and returns the lookup; otherwise null.
   */
  private static KeyLookup keyLookup(DataContext root, List<RexNode> filters, TableVersion table) {
    if (filters.isEmpty()) {
      return null;
    }
    List<List<String>> keys = table.keyColumns();
    for (int k = 0; k < keys.size(); k++) {
      Object[] key = keyValues(root, filters, table, keys.get(k));
      if (key != null) {
        return new KeyLookup(k, key);
      }
    }
    return null;
  }

  private static Object[] keyValues(DataContext root, List<RexNode> filters, TableVersion table,
      List<String> pk) {
    Object[] key = new Object[pk.size()];
    List<RexNode> used = new ArrayList<>();
    for (RexNode filter : filters) {
      if (!(filter instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
        continue;
      }
      RexNode a = call.getOperands().get(0);
      RexNode b = call.getOperands().get(1);
      if (!(a instanceof RexInputRef)) {
        RexNode t = a;
        a = b;
        b = t;
      }
      if (!(a instanceof RexInputRef ref) || ref.getIndex() >= table.schema().columns().size()) {
        continue;
      }
      ColumnDef col = table.schema().columns().get(ref.getIndex());
      int k = pk.indexOf(col.name());
      if (k < 0 || key[k] != null) {
        continue;
      }
      Object value = constantValue(root, b);
      if (value == null) {
        continue;
      }
      try {
        key[k] = AssignmentCast.cast(value, col.type());
      } catch (SqlStateException e) {
        return null;
      }
      used.add(filter);
    }
    for (Object k : key) {
      if (k == null) {
        return null;
      }
    }
    filters.removeAll(used);
    return key;
  }

  private static Object constantValue(DataContext root, RexNode node) {
    if (node instanceof RexCall cast && cast.getKind() == SqlKind.CAST) {
      node = cast.getOperands().get(0);
    }
    if (node instanceof RexCall micros && micros.getKind() == SqlKind.REINTERPRET
        && micros.getOperands().get(0) instanceof RexLiteral lit && !lit.isNull()) {
      // a timestamp literal as the executed plan carries it: bigint microseconds
      return InternalValues.toCanonical(lit.getValueAs(Long.class), micros.getType());
    }
    if (node instanceof RexDynamicParam p) {
      Object v = root.get(p.getName());
      return v == null ? null : InternalValues.toCanonical(v, p.getType());
    }
    if (node instanceof RexLiteral lit && !lit.isNull()) {
      Object v = switch (lit.getType().getSqlTypeName()) {
        // Calcite's own value is milliseconds; the literal keeps every digit
        case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> (Object) TimestampMicros.of(
            lit.getValueAs(org.apache.calcite.util.TimestampString.class));
        default -> lit.getValue2();
      };
      return v == null ? null : InternalValues.toCanonical(v, lit.getType());
    }
    return null;
  }

  /** Streams a store cursor as Calcite rows, checking for cancellation as it goes. */
  private static final class ScanEnumerator implements Enumerator<Object[]> {
    private final RowCursor cursor;
    private final int storedCount;
    private final int[] wanted;
    private final int[] slot;
    private final int positionSlot;
    private final AtomicBoolean cancel;
    private Object[] current;
    private int sinceCheck;

    ScanEnumerator(RowCursor cursor, int storedCount, int[] wanted, int[] slot, int positionSlot,
        AtomicBoolean cancel) {
      this.cursor = cursor;
      this.storedCount = storedCount;
      this.wanted = wanted;
      this.slot = slot;
      this.positionSlot = positionSlot;
      this.cancel = cancel;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (++sinceCheck >= 1024) {
        sinceCheck = 0;
        if (cancel != null && cancel.get()) {
          throw new SqlStateException(SqlState.QUERY_CANCELED,
              "canceling statement due to user request");
        }
      }
      if (!cursor.next()) {
        return false;
      }
      Object[] row = new Object[wanted.length];
      for (int i = 0; i < wanted.length; i++) {
        row[i] = i == positionSlot
            ? (Object) cursor.position()
            : InternalValues.fromStore(cursor.value(slot[i]));
      }
      current = row;
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("reset");
    }

    @Override
    public void close() {
      cursor.close();
    }
  }
}
