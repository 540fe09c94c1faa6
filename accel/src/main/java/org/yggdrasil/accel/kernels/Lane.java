package org.yggdrasil.accel.kernels;

/** Element type of a fixed-width little-endian column segment; values are stored from offset 0. */
public enum Lane {
  BYTE(1, Byte.MIN_VALUE, Byte.MAX_VALUE),
  SHORT(2, Short.MIN_VALUE, Short.MAX_VALUE),
  INT(4, Integer.MIN_VALUE, Integer.MAX_VALUE),
  LONG(8, Long.MIN_VALUE, Long.MAX_VALUE),
  FLOAT(4, 0, 0),
  DOUBLE(8, 0, 0);

  private final int byteSize;
  private final long minValue;
  private final long maxValue;

  Lane(int byteSize, long minValue, long maxValue) {
    this.byteSize = byteSize;
    this.minValue = minValue;
    this.maxValue = maxValue;
  }

  public int byteSize() {
    return byteSize;
  }

  public boolean isFloating() {
    return this == FLOAT || this == DOUBLE;
  }

  public boolean isInteger() {
    return !isFloating();
  }

  /** Smallest value an integer lane can hold. */
  public long minValue() {
    requireInteger();
    return minValue;
  }

  /** Largest value an integer lane can hold. */
  public long maxValue() {
    requireInteger();
    return maxValue;
  }

  /** Throws unless this is an integer lane (the long-valued kernels need one). */
  public void requireInteger() {
    if (isFloating()) {
      throw new IllegalArgumentException("integer lane expected, got " + this + "; use the double kernel");
    }
  }

  /** Throws unless this is FLOAT or DOUBLE (the double-valued comparison kernels need one). */
  public void requireFloating() {
    if (!isFloating()) {
      throw new IllegalArgumentException("FLOAT or DOUBLE lane expected, got " + this + "; use the long kernel");
    }
  }
}
