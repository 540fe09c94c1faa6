package org.yggdrasil.storage.nativestore.persistent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable persistent vector: a 32-way trie with get, set and append in O(log32 n). Every
 * update copies only the path to the touched slot and shares all other nodes with the old
 * version. Holds a table's chunk sequences, so touching one chunk never copies the whole list.
 */
public final class PVector<T> {
  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;
  private static final PVector<?> EMPTY = new PVector<>(0, 0, new Object[0]);

  private final int size;
  private final int shift;
  private final Object[] root;

  private PVector(int size, int shift, Object[] root) {
    this.size = size;
    this.shift = shift;
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  public static <T> PVector<T> empty() {
    return (PVector<T>) EMPTY;
  }

  /** A vector holding {@code count} times the same element. */
  public static <T> PVector<T> repeat(T element, int count) {
    PVector<T> v = empty();
    for (int i = 0; i < count; i++) {
      v = v.append(element);
    }
    return v;
  }

  public int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  public T get(int index) {
    Objects.checkIndex(index, size);
    Object[] node = root;
    for (int level = shift; level > 0; level -= BITS) {
      node = (Object[]) node[(index >>> level) & MASK];
    }
    return (T) node[index & MASK];
  }

  /** The last element, or null when empty. */
  public T last() {
    return size == 0 ? null : get(size - 1);
  }

  public PVector<T> set(int index, T value) {
    Objects.checkIndex(index, size);
    return new PVector<>(size, shift, set(root, shift, index, value));
  }

  private static Object[] set(Object[] node, int level, int index, Object value) {
    Object[] copy = node.clone();
    int slot = (index >>> level) & MASK;
    copy[slot] = level == 0 ? value : set((Object[]) node[slot], level - BITS, index, value);
    return copy;
  }

  public PVector<T> append(T value) {
    if (size == 1 << (shift + BITS)) {
      Object[] newRoot = {root, newPath(shift, value)};
      return new PVector<>(size + 1, shift + BITS, newRoot);
    }
    return new PVector<>(size + 1, shift, push(root, shift, size, value));
  }

  private static Object[] newPath(int level, Object value) {
    return level == 0 ? new Object[] {value} : new Object[] {newPath(level - BITS, value)};
  }

  private static Object[] push(Object[] node, int level, int index, Object value) {
    int slot = (index >>> level) & MASK;
    Object[] copy = Arrays.copyOf(node, Math.max(node.length, slot + 1));
    if (level == 0) {
      copy[slot] = value;
    } else {
      copy[slot] =
          slot < node.length
              ? push((Object[]) node[slot], level - BITS, index, value)
              : newPath(level - BITS, value);
    }
    return copy;
  }

  public List<T> toList() {
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(get(i));
    }
    return out;
  }
}
