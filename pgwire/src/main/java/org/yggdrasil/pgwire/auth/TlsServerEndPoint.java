package org.yggdrasil.pgwire.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Channel binding data of type {@code tls-server-end-point} (RFC 5929 section 4.1), the only
 * type PostgreSQL supports: the hash of the server's certificate, with the hash function of the
 * certificate's signature, except that MD5 and SHA-1 are replaced by SHA-256.
 */
public final class TlsServerEndPoint {
  private TlsServerEndPoint() {}

  /** The binding data, or null when the signature's hash is not known (no -PLUS then). */
  public static byte[] of(Certificate certificate) {
    if (!(certificate instanceof X509Certificate x509)) {
      return null;
    }
    String digest = digestOf(x509.getSigAlgName());
    if (digest == null) {
      return null;
    }
    try {
      return MessageDigest.getInstance(digest).digest(x509.getEncoded());
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  /** "SHA384withECDSA" -> "SHA-384"; MD5 and SHA-1 -> "SHA-256"; others (RSASSA-PSS) null. */
  static String digestOf(String signatureAlgorithm) {
    String alg = signatureAlgorithm.toUpperCase(Locale.ROOT);
    int with = alg.indexOf("WITH");
    if (with < 0) {
      return null;
    }
    return switch (alg.substring(0, with)) {
      case "MD5", "SHA1", "SHA256" -> "SHA-256";
      case "SHA224" -> "SHA-224";
      case "SHA384" -> "SHA-384";
      case "SHA512" -> "SHA-512";
      default -> null;
    };
  }
}
