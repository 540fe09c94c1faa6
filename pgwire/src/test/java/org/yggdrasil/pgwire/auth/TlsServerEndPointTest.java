package org.yggdrasil.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** RFC 5929's choice of hash for tls-server-end-point. */
class TlsServerEndPointTest {
  @Test
  void hashFollowsTheCertificateSignatureButNeverWeakerThanSha256() {
    assertEquals("SHA-256", TlsServerEndPoint.digestOf("SHA256withRSA"));
    assertEquals("SHA-384", TlsServerEndPoint.digestOf("SHA384withECDSA"));
    assertEquals("SHA-512", TlsServerEndPoint.digestOf("SHA512withRSA"));
    assertEquals("SHA-256", TlsServerEndPoint.digestOf("SHA1withRSA"));
    assertEquals("SHA-256", TlsServerEndPoint.digestOf("MD5withRSA"));
    assertNull(TlsServerEndPoint.digestOf("RSASSA-PSS"), "hash in parameters: no -PLUS");
    assertNull(TlsServerEndPoint.digestOf("Ed25519"));
  }
}
