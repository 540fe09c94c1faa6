package org.yggdrasil.pgwire.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway self-signed certificate for {@code localhost}, made at test time with the openssl
 * command line (RSA 2048, PKCS#8 key, one day).
 *
 * @param certificate PEM certificate
 * @param key PEM private key, unencrypted PKCS#8
 */
record SelfSignedCertificate(Path certificate, Path key) {

  /** Creates one in a fresh temporary directory, or returns null if openssl is not installed. */
  static SelfSignedCertificate createOrNull() {
    try {
      Path dir = Files.createTempDirectory("ygg-tls");
      dir.toFile().deleteOnExit();
      Path cert = dir.resolve("server.crt");
      Path key = dir.resolve("server.key");
      Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048",
          "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1",
          "-subj", "/CN=localhost").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("openssl req failed:\n" + out);
      }
      cert.toFile().deleteOnExit();
      key.toFile().deleteOnExit();
      return new SelfSignedCertificate(cert, key);
    } catch (IOException e) {
      return null; // no openssl
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
