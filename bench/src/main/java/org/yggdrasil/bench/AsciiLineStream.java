package org.yggdrasil.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link LineSink} that writes ASCII lines to a stream through a large buffer, hashing every
 * byte (SHA-256) on the way, so a generated file can be checked against perf-anchors' sums.
 */
public final class AsciiLineStream implements LineSink, AutoCloseable {
  private final OutputStream out;
  private final MessageDigest sha256;
  private final byte[] buffer = new byte[1 << 20];
  private int used;
  private long bytes;

  public AsciiLineStream(OutputStream out) {
    this.out = out;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code text} (ASCII) as is, e.g. a CSV header. */
  public void text(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (used == buffer.length) {
        flushBuffer();
      }
      buffer[used++] = (byte) text.charAt(i);
    }
  }

  @Override
  public void line(StringBuilder line) {
    int n = line.length();
    if (used + n > buffer.length) {
      flushBuffer();
    }
    if (n > buffer.length) {
      text(line);
      return;
    }
    for (int i = 0; i < n; i++) {
      buffer[used + i] = (byte) line.charAt(i);
    }
    used += n;
  }

  private void flushBuffer() {
    try {
      sha256.update(buffer, 0, used);
      out.write(buffer, 0, used);
      bytes += used;
      used = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes written so far. */
  public long bytes() {
    return bytes + used;
  }

  /** Flushes and returns the SHA-256 of everything written, in hex; ends the hashing. */
  public String finish() {
    flushBuffer();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
