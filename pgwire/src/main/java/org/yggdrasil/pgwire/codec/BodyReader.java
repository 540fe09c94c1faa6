package org.yggdrasil.pgwire.codec;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.types.Utf8;

/**
 * Bounds-checked reads from one message body (PostgreSQL's {@code pq_getmsg*}): every read that
 * would run past the body, every string without its NUL terminator and every string that is not
 * valid UTF-8 raises 08P01 instead of an IndexOutOfBoundsException.
 */
final class BodyReader {
  private final ByteBuf body;

  BodyReader(ByteBuf body) {
    this.body = body;
  }

  int readInt16() {
    need(2);
    return body.readShort();
  }

  int readInt32() {
    need(4);
    return body.readInt();
  }

  byte readByte() {
    need(1);
    return body.readByte();
  }

  byte[] readBytes(int n) {
    need(n);
    byte[] bytes = new byte[n];
    body.readBytes(bytes);
    return bytes;
  }

  /** A NUL-terminated UTF-8 string. */
  String readCString() {
    int start = body.readerIndex();
    int nul = body.indexOf(start, body.writerIndex(), (byte) 0);
    if (nul < 0) {
      throw violation("invalid string in message");
    }
    String s = Utf8.decode(body, start, nul - start, SqlState.PROTOCOL_VIOLATION);
    body.readerIndex(nul + 1);
    return s;
  }

  /** PostgreSQL's {@code pq_getmsgend}: a message must be consumed exactly. */
  void end() {
    if (body.isReadable()) {
      throw violation("invalid message format");
    }
  }

  private void need(int n) {
    if (n < 0 || body.readableBytes() < n) {
      throw violation("insufficient data left in message");
    }
  }

  static SqlStateException violation(String message) {
    return new SqlStateException(SqlState.PROTOCOL_VIOLATION, message);
  }
}
