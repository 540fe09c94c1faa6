package org.yggdrasil.pgwire.codec;

import io.netty.buffer.Unpooled;

/**
 * The body of a 'p' message answering AuthenticationSASL: {@code string mechanism, int32 n,
 * byte[n] initial response} ({@code n = -1}: no initial response).
 */
public record SaslInitialResponse(String mechanism, byte[] response) {

  /** @throws org.yggdrasil.catalog.error.SqlStateException 08P01 for a malformed body */
  public static SaslInitialResponse parse(byte[] body) {
    BodyReader r = new BodyReader(Unpooled.wrappedBuffer(body));
    String mechanism = r.readCString();
    int n = r.readInt32();
    byte[] response = n == -1 ? new byte[0] : r.readBytes(n);
    r.end();
    return new SaslInitialResponse(mechanism, response);
  }
}
