package org.yggdrasil.pgwire.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/** Server-side TLS from PEM files, on the JDK's TLS implementation. */
public final class Tls {
  private Tls() {}

  /**
   * Loads a certificate chain and its private key.
   *
   * @param certificate PEM, the server certificate first, then any intermediates
   * @param key PEM, unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl
   *     req -newkey} writes)
   * @throws IllegalArgumentException saying which file is wrong and how to fix it
   */
  public static SslContext fromPem(Path certificate, Path key) {
    for (Path p : new Path[] {certificate, key}) {
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("cannot read " + p);
      }
    }
    try {
      return SslContextBuilder.forServer(certificate.toFile(), key.toFile())
          .sslProvider(SslProvider.JDK)
          .build();
    } catch (Exception e) { // SSLException, IllegalArgumentException from the PEM readers
      throw new IllegalArgumentException("cannot load TLS certificate " + certificate
          + " and key " + key + ": " + e.getMessage() + " (the key must be an unencrypted"
          + " PKCS#8 PEM; convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW)", e);
    }
  }
}
