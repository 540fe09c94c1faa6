package org.yggdrasil.storage.nativestore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.SectionDigests;

/**
 * Recomputes the content hash of stored chunk records for one {@link NativeDatabase#verify()} run.
 * A delta's hash covers its whole chunk, so it is computed from its base's section digests extended
 * by the delta's own rows; the digests are remembered (a bounded number), so verifying the n
 * versions of a tail grown by n small commits costs about one chunk, not n.
 */
final class ChunkVerifier {
  private static final int REMEMBERED = 16384;

  private final DiskStore store;
  private final Map<String, SectionDigests> digests = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SectionDigests> e) {
      return size() > REMEMBERED;
    }
  };

  ChunkVerifier(DiskStore store) {
    this.store = store;
  }

  /** The hash the content of the chunk record named {@code hash} (of record type {@code type}) has. */
  String actualHash(String hash, int type) {
    return switch (type) {
      case ObjectCodec.CHUNK -> ObjectCodec.hex(ObjectCodec.hash(java.util.List.of(store.payload(hash).asByteBuffer())));
      case ObjectCodec.CHUNK_DELTA -> ChunkRecords.legacyHash(DeltaChain.read(hash, store).chunk());
      case ObjectCodec.CHUNK2, ObjectCodec.CHUNK_DELTA2 -> {
        ChunkRecords.Layout l = ChunkRecords.Layout.of(store.payload(hash), type == ObjectCodec.CHUNK_DELTA2);
        yield ObjectCodec.hex(ChunkRecords.hash(l.enc(), l.rows(), l.stats(), digestsOf(hash)));
      }
      default -> throw new IllegalArgumentException("record type " + type + " is not a chunk");
    };
  }

  /** The section digests of the chunk named {@code hash}, walking down its delta chain to something known. */
  private SectionDigests digestsOf(String hash) {
    Deque<String> above = new ArrayDeque<>();
    String h = hash;
    SectionDigests d;
    while ((d = digests.get(h)) == null) {
      int type = store.type(h);
      if (type == ObjectCodec.CHUNK_DELTA2) {
        above.push(h);
        h = ChunkRecords.deltaBase(store.payload(h));
        continue;
      }
      if (!ChunkRecords.isChunk(type)) {
        throw new IllegalStateException("delta base " + h + " is not a chunk");
      }
      ColumnChunk c = type == ObjectCodec.CHUNK_DELTA
          ? DeltaChain.read(h, store).chunk()
          : ChunkRecords.readWhole(store.payload(h));
      d = c.sectionDigests();
      digests.put(h, d);
    }
    while (!above.isEmpty()) {
      String x = above.pop();
      d = ChunkRecords.Layout.of(store.payload(x), true).extend(d);
      digests.put(x, d);
    }
    return d;
  }
}
