package org.yggdrasil.bench;

/** Receives generated rows as delimited text lines (ending in a newline, pure ASCII). */
@FunctionalInterface
public interface LineSink {
  /** One line; the builder is reused by the caller after this returns. */
  void line(StringBuilder line);
}
