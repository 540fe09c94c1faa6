package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.auth.Credentials;
import org.yggdrasil.pgwire.codec.PgDecoder;
import org.yggdrasil.pgwire.server.Tls;
import org.yggdrasil.pgwire.session.PgConnectionHandler;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.FakeEngine;
import org.yggdrasil.pgwire.testing.Frontend;

/**
 * TLS with a certificate made at test time: SSLRequest is answered 'S', pgjdbc and psql with
 * sslmode=require get an encrypted connection, and the password exchange runs inside it.
 */
class TlsTest {
  static final String PASSWORD = "tls and scram";
  static final SelfSignedCertificate CERT = SelfSignedCertificate.createOrNull();
  static final SslContext CONTEXT = CERT == null ? null : Tls.fromPem(CERT.certificate(),
      CERT.key());

  @RegisterExtension
  static final TestServer server = new TestServer().tls(CONTEXT)
      .authentication(Authentication.scram(Credentials.ofPassword("ygg", PASSWORD)));

  @BeforeAll
  static void needsOpensslAndOurServer() {
    assumeFalse(TestServer.isReferencePostgres(), "the certificate is Yggdrasil's configuration");
    assumeTrue(CERT != null, "openssl is not installed");
  }

  @Test
  void pgjdbcSslmodeRequireIsEncrypted() throws Exception {
    RecordingSslFactory.SOCKETS.clear();
    try (Connection c = server.connect("password", PASSWORD, "sslmode", "require",
            "sslfactory", RecordingSslFactory.class.getName());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 'secret'")) {
      assertTrue(rs.next());
      assertEquals("secret", rs.getString(1));
      assertEquals(1, RecordingSslFactory.SOCKETS.size());
      SSLSocket socket = RecordingSslFactory.SOCKETS.get(0);
      assertTrue(socket.getSession().getProtocol().startsWith("TLSv1."),
          socket.getSession().getProtocol());
      assertNotNull(socket.getSession().getPeerCertificates()[0]);
    }
  }

  @Test
  void pgjdbcDefaultFactoryWithSslmodeRequire() throws SQLException {
    try (Connection c = server.connect("password", PASSWORD, "ssl", "true",
            "sslmode", "require");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      assertTrue(rs.next());
    }
  }

  /** SCRAM-SHA-256-PLUS: the password exchange is bound to our certificate. */
  @Test
  void pgjdbcChannelBindingRequire() throws SQLException {
    try (Connection c = server.connect("password", PASSWORD, "sslmode", "require",
            "channelBinding", "require");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      assertTrue(rs.next());
    }
  }

  @Test
  void psqlChannelBindingRequire() throws Exception {
    assumeTrue(Psql.available(), "psql is not installed");
    Psql.Result r = Psql.run(server, "ygg", Map.of("PGSSLMODE", "require",
        "PGCHANNELBINDING", "require", "PGPASSWORD", PASSWORD), "select 'bound'");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains(" bound\n"), r.output());
  }

  @Test
  void plainConnectionsStillWork() throws SQLException {
    try (Connection c = server.connect("password", PASSWORD, "sslmode", "disable");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      assertTrue(rs.next());
    }
  }

  @Test
  void wrongPasswordOverTlsIs28P01() {
    SQLException e = assertThrows(SQLException.class,
        () -> server.connect("password", "nope", "sslmode", "require").close());
    assertEquals("28P01", e.getSQLState());
  }

  @Test
  void psqlConninfoReportsAnSslConnection() throws Exception {
    assumeTrue(Psql.available(), "psql is not installed");
    Psql.Result r = Psql.run(server, "ygg",
        Map.of("PGSSLMODE", "require", "PGPASSWORD", PASSWORD), "\\conninfo", "select 7");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("SSL connection (protocol: TLSv1."), r.output());
    assertTrue(r.output().contains("        7\n"), r.output());
  }

  @Test
  void sslRequestIsAnsweredSAndTlsGoesInFrontOfTheDecoder() {
    EmbeddedChannel ch = new EmbeddedChannel(
        new PgDecoder(CONTEXT), PgConnectionHandler.inline(new FakeEngine()));
    ch.writeInbound(Unpooled.wrappedBuffer(Frontend.create().sslRequest().bytes()));
    assertArrayEquals(new byte[] {'S'}, ByteBufUtil.getBytes(ch.readOutbound()));
    assertTrue(ch.pipeline().get("tls") instanceof SslHandler);
    assertEquals("tls", ch.pipeline().names().get(0), "TLS comes before the decoder");
    assertTrue(ch.isOpen());
  }

  /** Plaintext after SSLRequest could be a man in the middle's (CVE-2021-23214). */
  @Test
  void bytesAfterSslRequestAreRefused() {
    EmbeddedChannel ch = new EmbeddedChannel(
        new PgDecoder(CONTEXT), PgConnectionHandler.inline(new FakeEngine()));
    ch.writeInbound(Unpooled.wrappedBuffer(Frontend.create().sslRequest()
        .startup("user", "ygg").bytes()));
    Map<Character, String> error =
        BackendMessage.error(BackendMessage.parseAll(ByteBufUtil.getBytes(ch.readOutbound())));
    assertEquals("08P01", error.get('C'));
    assertEquals("received unencrypted data after SSL request", error.get('M'));
    assertFalse(ch.isOpen());
  }
}
