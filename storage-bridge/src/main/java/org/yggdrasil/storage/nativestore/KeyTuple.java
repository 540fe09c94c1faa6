package org.yggdrasil.storage.nativestore;

import org.yggdrasil.storage.nativestore.chunk.ValueOrder;

/** A key value with SQL equality (1.0 = 1.00, -0 = 0, byte arrays by content), for hash sets. */
final class KeyTuple {
  private final ColumnType[] types;
  private final Object[] values;
  private final int hash;

  KeyTuple(ColumnType[] types, Object[] values) {
    this.types = types;
    this.values = values;
    long h = 0;
    for (int i = 0; i < values.length; i++) {
      h = h * 0x9E3779B97F4A7C15L + ValueOrder.hash(types[i], values[i]);
    }
    this.hash = (int) (ValueOrder.mix(h) >>> 32);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KeyTuple k) || k.values.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (!ValueOrder.equal(types[i], values[i], k.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
