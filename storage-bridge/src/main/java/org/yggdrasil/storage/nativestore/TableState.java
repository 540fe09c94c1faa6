package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.persistent.PVector;

/**
 * An immutable table version: per column a persistent vector of {@link ColumnChunk}s (chunk i of
 * every column, of the hidden row ids and of the delete vectors covers the same positions), the
 * live row count and the key indexes. Versions share every chunk, node and index path they did not
 * change. {@code lineage} identifies the storage a position refers to: it changes on TRUNCATE and
 * on CREATE, so positions compare only within one lineage. Writes are built by {@link TableWrites}
 * and {@link TableDdl}.
 */
final class TableState implements TableVersion {
  final StoreConfig config;
  final TableSchema schema;
  final long oid;
  final long lineage;
  final Encoding[] encodings;
  final List<PVector<ColumnChunk>> columns;
  final PVector<ColumnChunk> rowIds;
  final PVector<DeleteVector> deletes;
  final long physicalRows;
  final long liveRows;
  /**
   * The primary key index first (if the schema has a primary key), then the unique keys in order.
   * For a table read from disk, only their definitions until first use: {@link #keys()} rebuilds
   * them from the rows then (indexes are not stored yet).
   */
  private volatile KeyIndex[] keys;
  private final boolean keysPending;
  /** The content hash once computed (see {@link TableRecords}); the state is immutable. */
  volatile byte[] hash;
  /**
   * The chunk groups of this version or of the one it was derived from, as last stored: lets a
   * commit skip re-encoding the groups it did not change ({@link TableRecords.StoredGroup}).
   */
  volatile TableRecords.StoredGroup[] storedGroups;

  TableState(StoreConfig config, TableSchema schema, long oid, long lineage, Encoding[] encodings,
      List<PVector<ColumnChunk>> columns, PVector<ColumnChunk> rowIds, PVector<DeleteVector> deletes,
      long physicalRows, long liveRows, KeyIndex[] keys) {
    this.config = config;
    this.schema = schema;
    this.oid = oid;
    this.lineage = lineage;
    this.encodings = encodings;
    this.columns = List.copyOf(columns);
    this.rowIds = rowIds;
    this.deletes = deletes;
    this.physicalRows = physicalRows;
    this.liveRows = liveRows;
    this.keys = keys;
    this.keysPending = false;
  }

  /** A table read back from storage whose key indexes are built from its rows on first use. */
  private TableState(StoreConfig config, TableSchema schema, long oid, long lineage, Encoding[] encodings,
      List<PVector<ColumnChunk>> columns, PVector<ColumnChunk> rowIds, PVector<DeleteVector> deletes,
      long physicalRows, long liveRows, KeyIndex[] keyDefinitions, boolean pending) {
    this.config = config;
    this.schema = schema;
    this.oid = oid;
    this.lineage = lineage;
    this.encodings = encodings;
    this.columns = List.copyOf(columns);
    this.rowIds = rowIds;
    this.deletes = deletes;
    this.physicalRows = physicalRows;
    this.liveRows = liveRows;
    this.keys = keyDefinitions;
    this.keysPending = pending;
  }

  static TableState loaded(StoreConfig config, TableSchema schema, long oid, long lineage, Encoding[] encodings,
      List<PVector<ColumnChunk>> columns, PVector<ColumnChunk> rowIds, PVector<DeleteVector> deletes,
      long physicalRows, long liveRows, KeyIndex[] keyDefinitions) {
    return new TableState(config, schema, oid, lineage, encodings, columns, rowIds, deletes, physicalRows, liveRows,
        keyDefinitions, keyDefinitions.length > 0 && liveRows > 0);
  }

  /** True once {@link #keys} holds built indexes (always for tables not read from disk). */
  private volatile boolean built;
  /** Builds the key indexes of a table read from disk, once (guarded by this). */
  private FutureTask<KeyIndex[]> building;
  private boolean buildingInBackground;

  /** The key indexes (built on first use for a table read from disk; writes need them whole). */
  KeyIndex[] keys() {
    if (!keysPending || built) {
      return keys;
    }
    FutureTask<KeyIndex[]> task = buildTask(false);
    task.run(); // builds here unless it already ran or runs on another thread
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SqlStateException.of(SqlState.QUERY_CANCELED, "interrupted while building the key indexes of %s", schema.name());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private synchronized FutureTask<KeyIndex[]> buildTask(boolean background) {
    if (building == null) {
      KeyIndex[] definitions = keys;
      building = new FutureTask<>(() -> {
        KeyIndex[] k = ObjectCodec.rebuildKeys(this, definitions);
        keys = k;
        built = true;
        return k;
      });
    }
    if (background && !buildingInBackground) {
      buildingInBackground = true;
      Thread.ofPlatform().daemon().name("ygg-keys-" + schema.name()).start(building);
    }
    return building;
  }

  /** For tests: whether the key indexes are built (or were never pending). */
  boolean keysBuilt() {
    return !keysPending || built;
  }

  /** The key definitions (names, columns) without building anything. */
  KeyIndex[] keyDefinitions() {
    return keys;
  }

  /** An empty table with fresh (empty) indexes named after its keys. */
  static TableState empty(StoreConfig config, TableSchema schema, long oid, long lineage, KeyIndex[] keys) {
    int n = schema.columns().size();
    Encoding[] enc = new Encoding[n];
    PVector<ColumnChunk> none = PVector.empty();
    for (int i = 0; i < n; i++) {
      enc[i] = Encoding.of(schema.column(i));
    }
    return new TableState(config, schema, oid, lineage, enc, java.util.Collections.nCopies(n, none),
        PVector.empty(), PVector.empty(), 0, 0, keys);
  }

  TableState withData(List<PVector<ColumnChunk>> newColumns, PVector<ColumnChunk> newRowIds,
      PVector<DeleteVector> newDeletes, long newPhysical, long newLive, KeyIndex[] newKeys) {
    TableState t = new TableState(config, schema, oid, lineage, encodings, newColumns, newRowIds, newDeletes,
        newPhysical, newLive, newKeys);
    t.storedGroups = storedGroups;
    return t;
  }

  TableState withKeys(KeyIndex[] newKeys) {
    return withData(columns, rowIds, deletes, physicalRows, liveRows, newKeys);
  }

  TableState withSchema(TableSchema newSchema, Encoding[] newEncodings,
      List<PVector<ColumnChunk>> newColumns, KeyIndex[] newKeys) {
    return new TableState(config, newSchema, oid, lineage, newEncodings, newColumns, rowIds, deletes,
        physicalRows, liveRows, newKeys);
  }

  boolean hasPrimaryKey() {
    return !schema.primaryKey().isEmpty();
  }

  @Override
  public TableSchema schema() {
    return schema;
  }

  @Override
  public long tableOid() {
    return oid;
  }

  @Override
  public List<String> constraintIndexNames() {
    int n = (hasPrimaryKey() ? 1 : 0) + schema.uniqueKeys().size();
    List<String> names = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(keys[i].name);
    }
    return names;
  }

  @Override
  public long rowCount() {
    return liveRows;
  }

  @Override
  public RowCursor scan(int[] cols) {
    checkColumns(cols);
    return new TableScan(this, cols.clone());
  }

  @Override
  public long lookupPrimaryKey(Object[] key) {
    return hasPrimaryKey() ? lookupKey(0, key) : -1;
  }

  @Override
  public List<List<String>> keyColumns() {
    List<List<String>> out = new java.util.ArrayList<>();
    if (hasPrimaryKey()) {
      out.add(schema.primaryKey());
    }
    out.addAll(schema.uniqueKeys());
    for (IndexDef index : schema.uniqueIndexes()) {
      out.add(index.columnNames());
    }
    return out;
  }

  /** Position of the live row whose key number {@code keyIndex} equals {@code key}, or -1. */
  @Override
  public long lookupKey(int keyIndex, Object[] key) {
    boolean scan = keysPending && !built;
    KeyIndex index = scan ? keys[keyIndex] : keys()[keyIndex];
    if (key.length != index.columns.length) {
      throw Errors.internal("key of %s has %d columns, got %d values", index.name, index.columns.length, key.length);
    }
    Object[] canonical = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      canonical[i] = ValueCoercion.coerceForLookup(schema.column(index.columns[i]), key[i]);
      if (canonical[i] == null) {
        return -1;
      }
    }
    if (scan) {
      // a table just read from disk: answer from the chunks (their stats skip most) while the
      // index is built in the background, instead of making this lookup wait for the whole build
      buildTask(true);
      if (!built) {
        return KeyScan.find(this, index, canonical);
      }
      index = keys[keyIndex];
    }
    return index.find(canonical, this);
  }

  @Override
  public Object[] row(long position, int[] cols) {
    if (!isLive(position)) {
      return null;
    }
    int chunk = (int) (position / config.chunkRows());
    int off = (int) (position % config.chunkRows());
    Object[] out = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      out[i] = columns.get(cols[i]).get(chunk).get(off);
    }
    return out;
  }

  /** All values of the row at a position (live or not). */
  Object[] fullRow(long position) {
    int chunk = (int) (position / config.chunkRows());
    int off = (int) (position % config.chunkRows());
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = columns.get(i).get(chunk).get(off);
    }
    return out;
  }

  boolean isLive(long position) {
    if (position < 0 || position >= physicalRows) {
      return false;
    }
    DeleteVector d = deletes.get((int) (position / config.chunkRows()));
    return d == null || !d.isDeleted((int) (position % config.chunkRows()));
  }

  long rowIdAt(long position) {
    return rowIds.get((int) (position / config.chunkRows())).bits((int) (position % config.chunkRows()));
  }

  private void checkColumns(int[] cols) {
    for (int c : cols) {
      if (c < 0 || c >= columns.size()) {
        throw Errors.internal("table %s has no column number %d", schema.name(), c);
      }
    }
  }

  @Override
  public int chunkRows() {
    return config.chunkRows();
  }

  @Override
  public int chunkCount() {
    return rowIds.size();
  }

  @Override
  public long physicalRows() {
    return physicalRows;
  }

  @Override
  public ColumnChunk chunk(int column, int chunkIndex) {
    return columns.get(column).get(chunkIndex);
  }

  @Override
  public ColumnChunk rowIdChunk(int chunkIndex) {
    return rowIds.get(chunkIndex);
  }

  @Override
  public DeleteVector deleteVector(int chunkIndex) {
    return deletes.get(chunkIndex);
  }

  @Override
  public String toString() {
    return "TableState[" + schema.name() + ", oid " + oid + ", " + liveRows + " rows]";
  }
}
