package org.yggdrasil.storage.nativestore.persistent;

/**
 * An immutable persistent map from long to long: a compressed hash-array-mapped trie (CHAMP) keyed
 * directly by the 64-bit key, 6 bits per level (so keys should be well mixed). Updates copy only
 * the path to the touched entry. Its shape depends only on its contents (entries are pushed down
 * on collision and pulled up again on removal), which a content-addressed store needs.
 *
 * <p>Transient editing: a node created under an {@code edit} token is mutated in place by later
 * updates carrying the same token, so a bulk load into a fresh token does not copy paths per key.
 * The owner of a token must stop using it once a map built with it is shared (pass a new token or
 * null then).
 */
public final class LongHamt {
  private static final int BITS = 6;
  public static final LongHamt EMPTY = new LongHamt(new Node(0, 0, new long[0], new Node[0], null), 0);

  private final Node root;
  private final int size;

  private LongHamt(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  public int size() {
    return size;
  }

  public long get(long key, long absent) {
    Node n = root;
    int shift = 0;
    while (true) {
      long bit = bit(key, shift);
      if ((n.dataMap & bit) != 0) {
        int i = index(n.dataMap, bit);
        return n.kv[2 * i] == key ? n.kv[2 * i + 1] : absent;
      }
      if ((n.nodeMap & bit) == 0) {
        return absent;
      }
      n = n.nodes[index(n.nodeMap, bit)];
      shift += BITS;
    }
  }

  public LongHamt put(long key, long value, Object edit) {
    Delta d = new Delta();
    Node r = root.put(key, value, 0, edit, d);
    return d.changed ? new LongHamt(r, size + d.sizeDelta) : this;
  }

  public LongHamt remove(long key, Object edit) {
    Delta d = new Delta();
    Node r = root.remove(key, 0, edit, d);
    return d.changed ? new LongHamt(r, size + d.sizeDelta) : this;
  }

  /**
   * The map of the first {@code n} entries of these arrays (keys must be distinct; the arrays are
   * reordered), built level by level with a radix partition: the same canonical shape as putting
   * them one by one, at a fraction of the cost for large bulk loads (no per-key path walks).
   *
   * @throws IllegalArgumentException if a key occurs twice
   */
  public static LongHamt build(long[] keys, long[] values, int n) {
    if (n == 0) {
      return EMPTY;
    }
    return new LongHamt(build(keys, values, 0, n, 0, new long[n], new long[n]), n);
  }

  private static Node build(long[] k, long[] v, int from, int to, int shift, long[] tk, long[] tv) {
    if (shift >= 64) {
      throw new IllegalArgumentException("duplicate key " + k[from]);
    }
    int[] start = new int[65];
    for (int i = from; i < to; i++) {
      start[(int) ((k[i] >>> shift) & 63) + 1]++;
    }
    for (int d = 0; d < 64; d++) {
      start[d + 1] += start[d];
    }
    int[] fill = java.util.Arrays.copyOf(start, 64);
    for (int i = from; i < to; i++) {
      int at = from + fill[(int) ((k[i] >>> shift) & 63)]++;
      tk[at] = k[i];
      tv[at] = v[i];
    }
    System.arraycopy(tk, from, k, from, to - from);
    System.arraycopy(tv, from, v, from, to - from);
    long dataMap = 0;
    long nodeMap = 0;
    int data = 0;
    int nodes = 0;
    for (int d = 0; d < 64; d++) {
      int size = start[d + 1] - start[d];
      if (size == 1) {
        dataMap |= 1L << d;
        data++;
      } else if (size > 1) {
        nodeMap |= 1L << d;
        nodes++;
      }
    }
    long[] kv = new long[2 * data];
    Node[] children = new Node[nodes];
    int di = 0;
    int ni = 0;
    for (int d = 0; d < 64; d++) {
      int lo = from + start[d];
      int size = start[d + 1] - start[d];
      if (size == 1) {
        kv[2 * di] = k[lo];
        kv[2 * di + 1] = v[lo];
        di++;
      } else if (size > 1) {
        children[ni++] = build(k, v, lo, lo + size, shift + BITS, tk, tv);
      }
    }
    return new Node(dataMap, nodeMap, kv, children, null);
  }

  /** Calls the consumer for every entry (in trie order, not key order). */
  public void forEach(EntryConsumer consumer) {
    root.forEach(consumer);
  }

  /** Receives one entry. */
  @FunctionalInterface
  public interface EntryConsumer {
    void accept(long key, long value);
  }

  /** Depth of the deepest node (for tests of canonical shape). */
  int depth() {
    return root.depth();
  }

  private static long bit(long key, int shift) {
    return 1L << (int) ((key >>> shift) & 63);
  }

  private static int index(long map, long bit) {
    return Long.bitCount(map & (bit - 1));
  }

  private static final class Delta {
    boolean changed;
    int sizeDelta;
  }

  /**
   * A trie node: entries whose key's 6-bit slot at this level is in {@code dataMap} sit inline in
   * {@code kv} (key, value pairs in slot order); slots in {@code nodeMap} lead to children. Arrays
   * may be longer than needed (slack) in nodes owned by an edit token; counts come from the maps.
   */
  private static final class Node {
    private long dataMap;
    private long nodeMap;
    private long[] kv;
    private Node[] nodes;
    private final Object edit;

    Node(long dataMap, long nodeMap, long[] kv, Node[] nodes, Object edit) {
      this.dataMap = dataMap;
      this.nodeMap = nodeMap;
      this.kv = kv;
      this.nodes = nodes;
      this.edit = edit;
    }

    private int dataCount() {
      return Long.bitCount(dataMap);
    }

    private int nodeCount() {
      return Long.bitCount(nodeMap);
    }

    private boolean owned(Object token) {
      return token != null && edit == token;
    }

    private Node editable(Object token) {
      return editable(token, 0, 0);
    }

    /** This node if the token owns it, else a copy with its own arrays and room for more items. */
    private Node editable(Object token, int extraData, int extraNodes) {
      if (owned(token)) {
        return this;
      }
      long[] k = java.util.Arrays.copyOf(kv, 2 * room(dataCount() + extraData, token));
      Node[] n = java.util.Arrays.copyOf(nodes, room(nodeCount() + extraNodes, token));
      return new Node(dataMap, nodeMap, k, n, token);
    }

    /** Room for {@code n} items: exact for persistent nodes, doubling for transient ones. */
    private static int room(int n, Object token) {
      return token == null || n <= 2 ? n : Math.min(64, Integer.highestOneBit(n - 1) << 1);
    }

    Node put(long key, long value, int shift, Object token, Delta d) {
      long bit = bit(key, shift);
      if ((dataMap & bit) != 0) {
        int i = index(dataMap, bit);
        long k = kv[2 * i];
        if (k == key) {
          if (kv[2 * i + 1] == value) {
            return this;
          }
          d.changed = true;
          Node n = editable(token);
          n.kv[2 * i + 1] = value;
          return n;
        }
        d.changed = true;
        d.sizeDelta = 1;
        Node sub = pair(k, kv[2 * i + 1], key, value, shift + BITS, token);
        Node n = editable(token, 0, 1);
        n.removeData(i, bit);
        n.insertNode(index(n.nodeMap, bit), bit, sub, token);
        return n;
      }
      if ((nodeMap & bit) != 0) {
        int i = index(nodeMap, bit);
        Node child = nodes[i];
        Node nc = child.put(key, value, shift + BITS, token, d);
        if (nc == child) {
          return this;
        }
        Node n = editable(token);
        n.nodes[i] = nc;
        return n;
      }
      d.changed = true;
      d.sizeDelta = 1;
      Node n = editable(token, 1, 0);
      n.insertData(index(dataMap, bit), bit, key, value, token);
      return n;
    }

    Node remove(long key, int shift, Object token, Delta d) {
      long bit = bit(key, shift);
      if ((dataMap & bit) != 0) {
        int i = index(dataMap, bit);
        if (kv[2 * i] != key) {
          return this;
        }
        d.changed = true;
        d.sizeDelta = -1;
        Node n = editable(token);
        n.removeData(i, bit);
        return n;
      }
      if ((nodeMap & bit) != 0) {
        int i = index(nodeMap, bit);
        Node child = nodes[i];
        Node nc = child.remove(key, shift + BITS, token, d);
        if (!d.changed) {
          return this;
        }
        if (nc.nodeMap == 0 && nc.dataCount() == 1) { // canonical form: a lone entry moves up
          Node n = editable(token, 1, 0);
          n.removeNode(i, bit);
          n.insertData(index(n.dataMap, bit), bit, nc.kv[0], nc.kv[1], token);
          return n;
        }
        if (nc == child) {
          return this;
        }
        Node n = editable(token);
        n.nodes[i] = nc;
        return n;
      }
      return this;
    }

    // The mutators below run only on nodes owned by the caller (fresh copies or token-owned).

    private void insertData(int i, long bit, long key, long value, Object token) {
      int count = dataCount();
      if (kv.length < 2 * count + 2) {
        long[] grown = new long[2 * room(count + 1, token)];
        System.arraycopy(kv, 0, grown, 0, 2 * i);
        System.arraycopy(kv, 2 * i, grown, 2 * i + 2, 2 * (count - i));
        kv = grown;
      } else {
        System.arraycopy(kv, 2 * i, kv, 2 * i + 2, 2 * (count - i));
      }
      kv[2 * i] = key;
      kv[2 * i + 1] = value;
      dataMap |= bit;
    }

    private void removeData(int i, long bit) {
      int count = dataCount();
      System.arraycopy(kv, 2 * i + 2, kv, 2 * i, 2 * (count - i - 1));
      kv[2 * count - 2] = 0;
      kv[2 * count - 1] = 0;
      dataMap &= ~bit;
    }

    private void insertNode(int i, long bit, Node child, Object token) {
      int count = nodeCount();
      if (nodes.length < count + 1) {
        Node[] grown = new Node[room(count + 1, token)];
        System.arraycopy(nodes, 0, grown, 0, i);
        System.arraycopy(nodes, i, grown, i + 1, count - i);
        nodes = grown;
      } else {
        System.arraycopy(nodes, i, nodes, i + 1, count - i);
      }
      nodes[i] = child;
      nodeMap |= bit;
    }

    private void removeNode(int i, long bit) {
      int count = nodeCount();
      System.arraycopy(nodes, i + 1, nodes, i, count - i - 1);
      nodes[count - 1] = null;
      nodeMap &= ~bit;
    }

    private static Node pair(long k0, long v0, long k1, long v1, int shift, Object token) {
      long b0 = bit(k0, shift);
      long b1 = bit(k1, shift);
      if (b0 == b1) {
        return new Node(0, b0, new long[0], new Node[] {pair(k0, v0, k1, v1, shift + BITS, token)}, token);
      }
      long[] kv = Long.compareUnsigned(b0, b1) < 0 ? new long[] {k0, v0, k1, v1} : new long[] {k1, v1, k0, v0};
      return new Node(b0 | b1, 0, kv, new Node[0], token);
    }

    void forEach(EntryConsumer consumer) {
      int n = dataCount();
      for (int i = 0; i < n; i++) {
        consumer.accept(kv[2 * i], kv[2 * i + 1]);
      }
      int m = nodeCount();
      for (int i = 0; i < m; i++) {
        nodes[i].forEach(consumer);
      }
    }

    int depth() {
      int max = 0;
      int m = nodeCount();
      for (int i = 0; i < m; i++) {
        max = Math.max(max, nodes[i].depth());
      }
      return max + 1;
    }
  }
}
