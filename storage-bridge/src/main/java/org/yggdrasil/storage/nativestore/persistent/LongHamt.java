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

    private boolean owned(Object token) {
      return token != null && edit == token;
    }

    private Node editable(Object token) {
      return owned(token) ? this : new Node(dataMap, nodeMap, kv.clone(), nodes.clone(), token);
    }

    private Node with(long dm, long nm, long[] newKv, Node[] newNodes, Object token) {
      if (owned(token)) {
        dataMap = dm;
        nodeMap = nm;
        kv = newKv;
        nodes = newNodes;
        return this;
      }
      if (token != null) { // the new node may be edited in place later: it must own its arrays
        newKv = newKv == kv ? kv.clone() : newKv;
        newNodes = newNodes == nodes ? nodes.clone() : newNodes;
      }
      return new Node(dm, nm, newKv, newNodes, token);
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
        return dataToNode(bit, i, sub, token);
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
      int i = index(dataMap, bit);
      long[] nkv = new long[kv.length + 2];
      System.arraycopy(kv, 0, nkv, 0, 2 * i);
      nkv[2 * i] = key;
      nkv[2 * i + 1] = value;
      System.arraycopy(kv, 2 * i, nkv, 2 * i + 2, kv.length - 2 * i);
      return with(dataMap | bit, nodeMap, nkv, nodes, token);
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
        long[] nkv = new long[kv.length - 2];
        System.arraycopy(kv, 0, nkv, 0, 2 * i);
        System.arraycopy(kv, 2 * i + 2, nkv, 2 * i, kv.length - 2 * i - 2);
        return with(dataMap & ~bit, nodeMap, nkv, nodes, token);
      }
      if ((nodeMap & bit) != 0) {
        int i = index(nodeMap, bit);
        Node child = nodes[i];
        Node nc = child.remove(key, shift + BITS, token, d);
        if (!d.changed) {
          return this;
        }
        if (nc.nodeMap == 0 && Long.bitCount(nc.dataMap) == 1) {
          return nodeToData(bit, i, nc.kv[0], nc.kv[1], token);
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

    private static Node pair(long k0, long v0, long k1, long v1, int shift, Object token) {
      long b0 = bit(k0, shift);
      long b1 = bit(k1, shift);
      if (b0 == b1) {
        return new Node(0, b0, new long[0], new Node[] {pair(k0, v0, k1, v1, shift + BITS, token)}, token);
      }
      long[] kv = Long.compareUnsigned(b0, b1) < 0 ? new long[] {k0, v0, k1, v1} : new long[] {k1, v1, k0, v0};
      return new Node(b0 | b1, 0, kv, new Node[0], token);
    }

    private Node dataToNode(long bit, int dataIndex, Node sub, Object token) {
      long[] nkv = new long[kv.length - 2];
      System.arraycopy(kv, 0, nkv, 0, 2 * dataIndex);
      System.arraycopy(kv, 2 * dataIndex + 2, nkv, 2 * dataIndex, kv.length - 2 * dataIndex - 2);
      int ni = index(nodeMap, bit);
      Node[] nn = new Node[nodes.length + 1];
      System.arraycopy(nodes, 0, nn, 0, ni);
      nn[ni] = sub;
      System.arraycopy(nodes, ni, nn, ni + 1, nodes.length - ni);
      return with(dataMap & ~bit, nodeMap | bit, nkv, nn, token);
    }

    private Node nodeToData(long bit, int nodeIndex, long key, long value, Object token) {
      Node[] nn = new Node[nodes.length - 1];
      System.arraycopy(nodes, 0, nn, 0, nodeIndex);
      System.arraycopy(nodes, nodeIndex + 1, nn, nodeIndex, nodes.length - nodeIndex - 1);
      int di = index(dataMap, bit);
      long[] nkv = new long[kv.length + 2];
      System.arraycopy(kv, 0, nkv, 0, 2 * di);
      nkv[2 * di] = key;
      nkv[2 * di + 1] = value;
      System.arraycopy(kv, 2 * di, nkv, 2 * di + 2, kv.length - 2 * di);
      return with(dataMap | bit, nodeMap & ~bit, nkv, nn, token);
    }

    void forEach(EntryConsumer consumer) {
      for (int i = 0; i < kv.length; i += 2) {
        consumer.accept(kv[i], kv[i + 1]);
      }
      for (Node n : nodes) {
        n.forEach(consumer);
      }
    }

    int depth() {
      int max = 0;
      for (Node n : nodes) {
        max = Math.max(max, n.depth());
      }
      return max + 1;
    }
  }
}
