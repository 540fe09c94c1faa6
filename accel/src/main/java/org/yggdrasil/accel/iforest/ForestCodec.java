package org.yggdrasil.accel.iforest;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The binary form of a model, big-endian:
 * <pre>
 *   "YGIF" version:u8
 *   trees:i32 sampleSize:i32 contamination:f64 seed:i64          (the parameters)
 *   features:i32 trainingRows:i32 samplesPerTree:i32 depth:u8
 *   threshold:f64 quantiles:f64 x 257
 *   per tree, its nodes in preorder:
 *     leaf:     varint 0, varint rows-in-leaf   (path length = depth + c(rows), recomputed)
 *     internal: varint feature+1, split:f64, then left subtree, then right subtree
 *   crc32c:i32 of everything before it
 * </pre>
 * Only real nodes are written (not the padding of the in-memory layout), so a tree of 256 rows
 * takes about 2.8 KB.
 */
final class ForestCodec {
  private static final int MAGIC = 0x59474946; // "YGIF"
  private static final int VERSION = 1;

  private ForestCodec() {}

  static byte[] encode(IsolationForest model) {
    PackedForest forest = model.forest();
    ForestParams p = model.params();
    Out out = new Out();
    out.i32(MAGIC);
    out.u8(VERSION);
    out.i32(p.trees());
    out.i32(p.sampleSize());
    out.f64(p.contamination());
    out.i64(p.seed());
    out.i32(forest.features);
    out.i32(model.trainingRows());
    out.i32(model.samplesPerTree());
    out.u8(forest.depth);
    out.f64(model.threshold());
    for (double q : model.quantiles()) {
      out.f64(q);
    }
    for (int t = 0; t < forest.trees; t++) {
      encodeNode(out, forest, t, 0, 0);
    }
    CRC32C crc = new CRC32C();
    crc.update(out.buf(), 0, out.size());
    out.i32((int) crc.getValue());
    return out.toByteArray();
  }

  private static void encodeNode(Out out, PackedForest forest, int tree, int node, int level) {
    if (level == forest.depth || forest.isPadding(tree, node)) {
      int h = node;
      for (int l = level; l < forest.depth; l++) {
        h = 2 * h + 1;
      }
      out.varint(0);
      out.varint(forest.leafSize[tree * forest.leaves + h - forest.internal]);
      return;
    }
    int at = tree * forest.internal + node;
    out.varint(forest.feature[at] + 1);
    out.f64(forest.split[at]);
    encodeNode(out, forest, tree, 2 * node + 1, level + 1);
    encodeNode(out, forest, tree, 2 * node + 2, level + 1);
  }

  static IsolationForest decode(byte[] bytes) {
    if (bytes == null || bytes.length < 9) {
      throw corrupt("too short");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getInt(bytes.length - 4) != (int) crc.getValue()) {
      throw corrupt("checksum mismatch");
    }
    in.limit(bytes.length - 4);
    try {
      if (in.getInt() != MAGIC) {
        throw corrupt("not an isolation forest model");
      }
      int version = in.get() & 0xFF;
      if (version != VERSION) {
        throw corrupt("unsupported model version " + version);
      }
      ForestParams params = new ForestParams(in.getInt(), in.getInt(), in.getDouble(), in.getLong());
      int features = in.getInt();
      int rows = in.getInt();
      int psi = in.getInt();
      int depth = in.get() & 0xFF;
      if (features < 1 || rows < 2 || psi != Math.min(params.sampleSize(), rows)
          || depth != 32 - Integer.numberOfLeadingZeros(psi - 1)) {
        throw corrupt("inconsistent header");
      }
      double threshold = in.getDouble();
      double[] quantiles = new double[IsolationForest.QUANTILES + 1];
      for (int i = 0; i < quantiles.length; i++) {
        quantiles[i] = in.getDouble();
        if (!(quantiles[i] >= 0.0 && quantiles[i] <= 1.0) || i > 0 && quantiles[i] < quantiles[i - 1]) {
          throw corrupt("bad score distribution");
        }
      }
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw corrupt("bad threshold");
      }
      PackedForest forest = new PackedForest(params.trees(), depth, features);
      for (int t = 0; t < params.trees(); t++) {
        decodeNode(in, forest, t, 0, 0, psi);
      }
      if (in.hasRemaining()) {
        throw corrupt("trailing bytes");
      }
      return new IsolationForest(params, rows, psi, forest, threshold, quantiles);
    } catch (BufferUnderflowException e) {
      throw corrupt("truncated");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("corrupt isolation forest model")) {
        throw e;
      }
      throw corrupt(e.getMessage());
    }
  }

  private static void decodeNode(ByteBuffer in, PackedForest forest, int tree, int node, int level, int psi) {
    int tag = varint(in);
    if (tag == 0) {
      int size = varint(in);
      if (size > psi) {
        throw corrupt("leaf larger than the sample");
      }
      forest.setLeaf(tree, node, level, size);
      return;
    }
    if (level == forest.depth || tag > forest.features) {
      throw corrupt("bad node");
    }
    double split = in.getDouble();
    if (!Double.isFinite(split)) {
      throw corrupt("bad split value");
    }
    forest.setSplit(tree, node, tag - 1, split);
    decodeNode(in, forest, tree, 2 * node + 1, level + 1, psi);
    decodeNode(in, forest, tree, 2 * node + 2, level + 1, psi);
  }

  private static int varint(ByteBuffer in) {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.get() & 0xFF;
      v |= (b & 0x7F) << shift;
      if (b < 0x80) {
        if (v < 0) {
          break;
        }
        return v;
      }
    }
    throw corrupt("bad varint");
  }

  private static IllegalArgumentException corrupt(String why) {
    return new IllegalArgumentException("corrupt isolation forest model: " + why);
  }

  /** A growable big-endian byte buffer. */
  private static final class Out extends ByteArrayOutputStream {
    Out() {
      super(4096);
    }

    byte[] buf() {
      return buf;
    }

    void u8(int v) {
      write(v);
    }

    void i32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void i64(long v) {
      i32((int) (v >>> 32));
      i32((int) v);
    }

    void f64(double v) {
      i64(Double.doubleToRawLongBits(v));
    }

    void varint(int v) {
      while ((v & ~0x7F) != 0) {
        write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      write(v);
    }
  }
}
