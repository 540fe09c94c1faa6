package org.yggdrasil.storage.nativestore;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.chunk.Physical;
import org.yggdrasil.storage.nativestore.persistent.PVector;

/**
 * The stored form of a table version. Format 2: the schema, encodings and key definitions, then the
 * chunks: all but the last in groups of {@link #GROUP} (each group a {@link ObjectCodec#TABLE_GROUP}
 * record, the table naming it by hash), the last one inline. A chunk's entry: the hash of each
 * column's chunk, of its row-id chunk, and a flag and hash for its delete vector. A commit that only
 * grows the last chunk thus writes a table record whose size does not depend on the table's size,
 * and unchanged groups keep their hash (and are not even re-encoded: {@link StoredGroup}). Format 1
 * (every chunk hash in the table record, column by column) is still read.
 */
final class TableRecords {
  static final int GROUP = 16;

  /** A group as last stored: its hash and the objects it named, compared by identity to skip re-encoding. */
  record StoredGroup(byte[] hash, Object[] parts) {}

  /** Table record formats: 1 lists every chunk column-major (first release, still read). */
  static final int COLUMN_MAJOR = 1;
  /** 2: full chunks through groups of 16, the last chunk inline. */
  static final int GROUPED = 2;
  /** 3: as 2, with the CREATE INDEX definitions after the unique keys. */
  static final int GROUPED_WITH_INDEXES = 3;
  /** 4: as 3 (the index section always present), then the FOREIGN KEY and CHECK constraints. */
  static final int GROUPED_WITH_CONSTRAINTS = 4;
  /** 5: as 4, then each column's user-defined (enum) type: name and OID, or an empty name. */
  static final int GROUPED_WITH_USER_TYPES = 5;

  private TableRecords() {}

  static String persist(TableState t, ObjectCodec.Sink sink) {
    byte[] h = t.hash;
    if (h != null && sink.has(ObjectCodec.hex(h))) {
      return ObjectCodec.hex(h);
    }
    ObjectCodec.Out o = new ObjectCodec.Out();
    int format = hasUserTypes(t.schema) ? GROUPED_WITH_USER_TYPES
        : ConstraintCodec.hasAny(t.schema) ? GROUPED_WITH_CONSTRAINTS
        : t.schema.indexes().isEmpty() ? GROUPED : GROUPED_WITH_INDEXES;
    o.i32(format);
    writeHeader(o, t, format);
    int chunks = t.rowIds.size();
    o.i32(chunks);
    int grouped = Math.max(0, chunks - 1);
    StoredGroup[] before = t.storedGroups;
    StoredGroup[] groups = new StoredGroup[(grouped + GROUP - 1) / GROUP];
    o.i32(groups.length);
    for (int g = 0; g < groups.length; g++) {
      int from = g * GROUP;
      int to = Math.min(grouped, from + GROUP);
      Object[] parts = parts(t, from, to);
      StoredGroup sg = before != null && g < before.length ? before[g] : null;
      if (sg == null || !sameParts(sg.parts(), parts) || !sink.has(ObjectCodec.hex(sg.hash()))) {
        ObjectCodec.Out go = new ObjectCodec.Out();
        go.i32(to - from);
        for (int i = from; i < to; i++) {
          writeEntry(go, t, i, sink);
        }
        List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(go.bytes()));
        byte[] gh = ObjectCodec.hash(pieces);
        if (!sink.has(ObjectCodec.hex(gh))) {
          sink.put(ObjectCodec.TABLE_GROUP, gh, pieces);
        }
        sg = new StoredGroup(gh, parts);
      }
      groups[g] = sg;
      o.raw(sg.hash());
    }
    if (chunks > 0) {
      writeEntry(o, t, chunks - 1, sink);
    }
    t.storedGroups = groups;
    List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(o.bytes()));
    if (h == null) {
      h = ObjectCodec.hash(pieces);
      t.hash = h;
    }
    String hx = ObjectCodec.hex(h);
    if (!sink.has(hx)) {
      sink.put(ObjectCodec.TABLE, h, pieces);
    }
    return hx;
  }

  private static void writeEntry(ObjectCodec.Out o, TableState t, int i, ObjectCodec.Sink sink) {
    int cr = t.config.chunkRows();
    for (PVector<ColumnChunk> col : t.columns) {
      o.raw(ObjectCodec.unhex(ChunkRecords.persist(col.get(i), sink, cr)));
    }
    o.raw(ObjectCodec.unhex(ChunkRecords.persist(t.rowIds.get(i), sink, cr)));
    DeleteVector d = t.deletes.get(i);
    o.u8(d == null ? 0 : 1);
    if (d != null) {
      o.raw(ObjectCodec.unhex(ObjectCodec.persist(d, sink)));
    }
  }

  /** The objects chunks {@code [from, to)} consist of: column chunks, row-id chunk, delete vector. */
  private static Object[] parts(TableState t, int from, int to) {
    int per = t.columns.size() + 2;
    Object[] parts = new Object[(to - from) * per];
    for (int i = from, k = 0; i < to; i++) {
      for (PVector<ColumnChunk> col : t.columns) {
        parts[k++] = col.get(i);
      }
      parts[k++] = t.rowIds.get(i);
      parts[k++] = t.deletes.get(i);
    }
    return parts;
  }

  private static boolean sameParts(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private static void writeHeader(ObjectCodec.Out o, TableState t, int format) {
    TableSchema s = t.schema;
    o.str(s.name());
    o.i64(t.oid);
    o.i64(t.lineage);
    o.i64(t.physicalRows);
    o.i64(t.liveRows);
    o.i32(t.config.chunkRows());
    o.i32(s.columns().size());
    for (int c = 0; c < s.columns().size(); c++) {
      ColumnDef d = s.column(c);
      o.str(d.name());
      o.str(d.type().name());
      o.i32(d.length());
      o.i32(d.scale());
      o.u8(d.notNull() ? 1 : 0);
      o.nstr(d.defaultSql());
      o.str(t.encodings[c].physical().name());
      o.i32(t.encodings[c].scale());
    }
    o.strs(s.primaryKey());
    o.i32(s.uniqueKeys().size());
    for (List<String> k : s.uniqueKeys()) {
      o.strs(k);
    }
    if (format == GROUPED_WITH_INDEXES) {
      IndexCodec.write(o, s);
    } else if (format >= GROUPED_WITH_CONSTRAINTS) {
      if (s.indexes().isEmpty()) {
        o.i32(0);
      } else {
        IndexCodec.write(o, s);
      }
      ConstraintCodec.write(o, s);
    }
    if (format >= GROUPED_WITH_USER_TYPES) {
      for (ColumnDef d : s.columns()) {
        o.nstr(d.userType() == null ? null : d.userType().name());
        o.i64(d.userType() == null ? 0 : d.userType().oid());
      }
    }
    o.i32(t.keyDefinitions().length);
    for (KeyIndex k : t.keyDefinitions()) {
      o.str(k.name);
      o.i32(k.columns.length);
      for (int c : k.columns) {
        o.i32(c);
      }
    }
  }

  // ---- reading ----

  /** The hashes a table payload refers to, directly or through its groups (for GC and verify). */
  static List<String> children(MemorySegment p, ObjectCodec.Source src) {
    List<String> out = new ArrayList<>();
    read(p, src, StoreConfig.DEFAULT, out);
    return out;
  }

  /** Collects a table's chunk entries: loaded objects, or (for GC and verify) just their hashes. */
  private static final class Entries {
    final ObjectCodec.Source src;
    final List<String> hashesOut;
    final List<PVector<ColumnChunk>> columns = new ArrayList<>();
    PVector<ColumnChunk> rowIds = PVector.empty();
    PVector<DeleteVector> deletes = PVector.empty();

    Entries(ObjectCodec.Source src, List<String> hashesOut, int n) {
      this.src = src;
      this.hashesOut = hashesOut;
      for (int c = 0; c < n; c++) {
        columns.add(PVector.empty());
      }
    }

    ColumnChunk chunk(String h) {
      if (hashesOut != null) {
        hashesOut.add(h);
        return null;
      }
      return src.chunk(h);
    }

    DeleteVector deleteVector(String h) {
      if (hashesOut != null) {
        hashesOut.add(h);
        return null;
      }
      return src.deleteVector(h);
    }

    /** Reads one format-2 chunk entry (every column, row ids, delete vector). */
    void entry(ObjectCodec.In in) {
      for (int c = 0; c < columns.size(); c++) {
        columns.set(c, columns.get(c).append(chunk(ObjectCodec.hex(in.raw(32)))));
      }
      rowIds = rowIds.append(chunk(ObjectCodec.hex(in.raw(32))));
      deletes = deletes.append(in.u8() != 0 ? deleteVector(ObjectCodec.hex(in.raw(32))) : null);
    }
  }

  static TableState read(MemorySegment p, ObjectCodec.Source src, StoreConfig base, List<String> childrenOut) {
    ObjectCodec.In in = new ObjectCodec.In(p.toArray(ValueLayout.JAVA_BYTE));
    int format = in.i32();
    if (format != COLUMN_MAJOR && format != GROUPED && format != GROUPED_WITH_INDEXES
        && format != GROUPED_WITH_CONSTRAINTS && format != GROUPED_WITH_USER_TYPES) {
      throw new IllegalStateException("unknown table format " + format);
    }
    String name = in.str();
    long oid = in.i64();
    long lineage = in.i64();
    long physicalRows = in.i64();
    long liveRows = in.i64();
    int chunkRows = in.i32();
    int n = in.i32();
    List<ColumnDef> cols = new ArrayList<>(n);
    Encoding[] encs = new Encoding[n];
    for (int c = 0; c < n; c++) {
      String cn = in.str();
      ColumnType type = ColumnType.valueOf(in.str());
      int length = in.i32();
      int scale = in.i32();
      boolean notNull = in.u8() != 0;
      String def = in.nstr();
      cols.add(new ColumnDef(cn, type, length, scale, notNull, def));
      encs[c] = new Encoding(type, Physical.valueOf(in.str()), in.i32());
    }
    List<String> pk = in.strs();
    int nu = in.i32();
    List<List<String>> uniques = new ArrayList<>();
    for (int i = 0; i < nu; i++) {
      uniques.add(in.strs());
    }
    TableSchema schema = new TableSchema(name, cols, pk, uniques,
        format >= GROUPED_WITH_INDEXES ? IndexCodec.read(in) : List.of());
    if (format >= GROUPED_WITH_CONSTRAINTS) {
      schema = ConstraintCodec.read(in, schema);
    }
    if (format >= GROUPED_WITH_USER_TYPES) {
      schema = readUserTypes(in, schema);
    }
    StoreConfig config = new StoreConfig(chunkRows, base.keyHashMask());
    int nk = in.i32();
    KeyIndex[] keys = new KeyIndex[nk];
    for (int k = 0; k < nk; k++) {
      String kn = in.str();
      int[] kc = new int[in.i32()];
      for (int i = 0; i < kc.length; i++) {
        kc[i] = in.i32();
      }
      keys[k] = KeyIndex.create(kn, schema, kc, config.keyHashMask());
    }
    int chunks = in.i32();
    Entries e = new Entries(src, childrenOut, n);
    StoredGroup[] groups = null;
    if (format == COLUMN_MAJOR) {
      readColumnMajor(in, e, chunks);
    } else {
      groups = new StoredGroup[in.i32()];
      for (int g = 0; g < groups.length; g++) {
        byte[] gh = in.raw(32);
        if (childrenOut != null) {
          childrenOut.add(ObjectCodec.hex(gh));
        }
        ObjectCodec.In gin = new ObjectCodec.In(src.payload(ObjectCodec.hex(gh)).toArray(ValueLayout.JAVA_BYTE));
        int count = gin.i32();
        int from = e.rowIds.size();
        for (int i = 0; i < count; i++) {
          e.entry(gin);
        }
        if (childrenOut == null) {
          groups[g] = new StoredGroup(gh, partsOf(e, from, from + count));
        }
      }
      if (chunks > 0) {
        e.entry(in);
      }
    }
    if (childrenOut != null) {
      return null;
    }
    TableState t = TableState.loaded(config, schema, oid, lineage, encs, e.columns, e.rowIds, e.deletes, physicalRows,
        liveRows, keys);
    t.storedGroups = groups;
    return t;
  }

  private static boolean hasUserTypes(TableSchema s) {
    return s.columns().stream().anyMatch(c -> c.userType() != null);
  }

  private static TableSchema readUserTypes(ObjectCodec.In in, TableSchema schema) {
    List<ColumnDef> cols = new ArrayList<>(schema.columns());
    for (int c = 0; c < cols.size(); c++) {
      String typeName = in.nstr();
      long typeOid = in.i64();
      if (typeName != null) {
        ColumnDef d = cols.get(c);
        cols.set(c, new ColumnDef(d.name(), d.type(), d.length(), d.scale(), d.notNull(),
            d.defaultSql(), new UserType(typeName, typeOid)));
      }
    }
    return schema.withColumns(cols);
  }

  private static Object[] partsOf(Entries e, int from, int to) {
    int per = e.columns.size() + 2;
    Object[] parts = new Object[(to - from) * per];
    for (int i = from, k = 0; i < to; i++) {
      for (PVector<ColumnChunk> col : e.columns) {
        parts[k++] = col.get(i);
      }
      parts[k++] = e.rowIds.get(i);
      parts[k++] = e.deletes.get(i);
    }
    return parts;
  }

  /** Format 1: every column's chunk hashes, then the row ids', then the delete vectors. */
  private static void readColumnMajor(ObjectCodec.In in, Entries e, int chunks) {
    for (int c = 0; c < e.columns.size(); c++) {
      PVector<ColumnChunk> v = PVector.empty();
      for (int i = 0; i < chunks; i++) {
        v = v.append(e.chunk(ObjectCodec.hex(in.raw(32))));
      }
      e.columns.set(c, v);
    }
    for (int i = 0; i < chunks; i++) {
      e.rowIds = e.rowIds.append(e.chunk(ObjectCodec.hex(in.raw(32))));
    }
    for (int i = 0; i < chunks; i++) {
      e.deletes = e.deletes.append(in.u8() != 0 ? e.deleteVector(ObjectCodec.hex(in.raw(32))) : null);
    }
  }
}
