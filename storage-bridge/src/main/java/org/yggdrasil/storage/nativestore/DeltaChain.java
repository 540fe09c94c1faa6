package org.yggdrasil.storage.nativestore;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.Physical;

/**
 * Reads a chunk stored as a chain of delta records on top of a whole chunk record: walks the chain
 * down to the whole record (no recursion: a tail grown by many small commits has a long chain),
 * then copies the base rows and each delta's rows, oldest first, into one heap chunk.
 */
final class DeltaChain {
  private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** The chunk and the number of delta records it was read from. */
  record Read(ColumnChunk chunk, int depth) {}

  /** Where the records of a chain are read from. */
  interface Records {
    int type(String hash);

    MemorySegment payload(String hash);
  }

  private DeltaChain() {}

  static Read read(String hash, Records src) {
    List<ChunkRecords.Layout> deltas = new ArrayList<>(); // newest first
    List<Boolean> legacy = new ArrayList<>();
    String h = hash;
    int type;
    while (ChunkRecords.isDelta(type = src.type(h))) {
      ChunkRecords.Layout l = ChunkRecords.Layout.of(src.payload(h), true);
      deltas.add(l);
      legacy.add(type == ObjectCodec.CHUNK_DELTA);
      h = l.baseHash();
    }
    if (!ChunkRecords.isChunk(type)) {
      throw new IllegalStateException("delta chain of " + hash + " ends at " + h + ", which is not a chunk");
    }
    ColumnChunk base = ChunkRecords.readWhole(src.payload(h));
    if (deltas.isEmpty()) {
      return new Read(base, 0);
    }
    ChunkRecords.Layout top = deltas.get(0);
    int rows = top.rows();
    int below = base.rows();
    for (int i = deltas.size() - 1; i >= 0; i--) {
      ChunkRecords.Layout l = deltas.get(i);
      if (l.base() != below || !l.enc().equals(base.encoding())) {
        throw new IllegalStateException("delta base " + l.baseHash() + " has " + below + " rows, expected " + l.base());
      }
      below = l.rows();
    }
    MemorySegment data;
    MemorySegment offsets = null;
    if (base.encoding().physical() == Physical.VARLEN) {
      long bytes = base.rows() == 0 ? 0 : base.data().byteSize();
      for (ChunkRecords.Layout l : deltas) {
        bytes += l.dataLen();
      }
      if (bytes > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("chunk data exceeds 2 GB");
      }
      byte[] all = new byte[(int) bytes];
      int[] offs = new int[rows + 1];
      long at = 0;
      if (base.rows() > 0) {
        MemorySegment.copy(base.data(), ValueLayout.JAVA_BYTE, 0, all, 0, (int) base.data().byteSize());
        MemorySegment.copy(base.offsets(), INT_LE, 0, offs, 0, base.rows() + 1);
        at = base.data().byteSize();
      }
      for (int i = deltas.size() - 1; i >= 0; i--) {
        ChunkRecords.Layout l = deltas.get(i);
        MemorySegment.copy(l.payload(), ValueLayout.JAVA_BYTE, l.dataOff(), all, (int) at, (int) l.dataLen());
        at += l.dataLen();
        if (l.rows() > l.base()) {
          MemorySegment.copy(l.payload(), INT_LE, l.offsOff(), offs, l.base() + 1, l.rows() - l.base());
        }
      }
      if (offs[rows] != at) {
        throw new IllegalStateException("delta chain of " + hash + " has " + at + " bytes, its offsets end at " + offs[rows]);
      }
      data = MemorySegment.ofArray(all);
      offsets = MemorySegment.ofArray(offs);
    } else {
      long w = base.encoding().physical().width();
      MemorySegment words = MemorySegment.ofArray(new long[(int) ((w * rows + 7) >>> 3)]);
      if (base.rows() > 0) {
        MemorySegment.copy(base.data(), 0, words, 0, w * base.rows());
      }
      for (ChunkRecords.Layout l : deltas) {
        if (l.dataLen() != w * (l.rows() - l.base())) {
          throw new IllegalStateException("delta of " + (l.rows() - l.base()) + " rows has " + l.dataLen() + " bytes");
        }
        MemorySegment.copy(l.payload(), l.dataOff(), words, w * l.base(), l.dataLen());
      }
      data = words.asSlice(0, w * rows);
    }
    MemorySegment validity = null;
    if (top.stats().nullCount() > 0) {
      byte[] v = new byte[(rows + 7) >>> 3];
      for (int r = 0; r < base.rows(); r++) {
        if (!base.isNull(r)) {
          v[r >>> 3] |= (byte) (1 << (r & 7));
        }
      }
      for (int i = 0; i < deltas.size(); i++) {
        ChunkRecords.Layout l = deltas.get(i);
        // the first format stored the whole chunk's bitmap in each delta, this one only its own rows'
        int shift = legacy.get(i) ? l.base() : 0;
        for (int r = l.base(); r < l.rows(); r++) {
          if (l.valid(r - l.base() + shift)) {
            v[r >>> 3] |= (byte) (1 << (r & 7));
          }
        }
      }
      validity = MemorySegment.ofArray(v);
    }
    return new Read(ColumnChunk.wrap(top.enc(), rows, top.stats(), data, offsets, validity), deltas.size());
  }
}
