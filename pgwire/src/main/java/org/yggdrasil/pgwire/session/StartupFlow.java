package org.yggdrasil.pgwire.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.auth.ScramExchange;
import org.yggdrasil.pgwire.auth.TlsServerEndPoint;
import org.yggdrasil.pgwire.codec.FrontendMessage.PasswordMessage;
import org.yggdrasil.pgwire.codec.FrontendMessage.Startup;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.pgwire.codec.PgError;
import org.yggdrasil.pgwire.codec.SaslInitialResponse;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.StartupParameters;

/**
 * Startup: authenticates the client, opens the engine session and answers as PostgreSQL does:
 *
 * <pre>
 *   [NegotiateProtocolVersion]  only if the client asked for 3.x &gt; 3.0 or _pq_ options
 *   with SCRAM:  AuthenticationSASL (SCRAM-SHA-256-PLUS over TLS, SCRAM-SHA-256)
 *                                             &lt;- SASLInitialResponse (client-first)
 *                AuthenticationSASLContinue   &lt;- SASLResponse (client-final)
 *                AuthenticationSASLFinal
 *   AuthenticationOk
 *   ParameterStatus*            the session's reported parameters
 *   BackendKeyData              process id and secret key for CancelRequest
 *   ReadyForQuery
 * </pre>
 *
 * A client that does not finish authenticating within {@link #AUTHENTICATION_TIMEOUT_SECONDS}
 * is disconnected. A failed authentication (28P01) or a failure to open (e.g. 3D000 for an unknown database) is
 * a FATAL ErrorResponse and the connection closes. As in PostgreSQL, the database is looked at
 * only after the password was checked.
 */
final class StartupFlow {
  private static final Logger LOG = LoggerFactory.getLogger(StartupFlow.class);

  /**
   * PostgreSQL's {@code authentication_timeout}: a client that starts the password exchange
   * must finish it within this time, or the connection is closed (so that stalled clients
   * cannot hold connections).
   */
  static final long AUTHENTICATION_TIMEOUT_SECONDS = 60;

  private final Backend backend;
  private final Authentication authentication;
  private Startup startup;
  private ScramExchange exchange;
  private ScheduledFuture<?> timeout;

  StartupFlow(Backend backend, Authentication authentication) {
    this.backend = backend;
    this.authentication = authentication;
  }

  /** Whether a startup packet was received (the session may still be authenticating). */
  boolean started() {
    return startup != null;
  }

  /** What the backend expects instead of an unexpected message before the session is open. */
  String expected() {
    return exchange != null ? "expected SASL response" : "expected startup message";
  }

  void start(Startup startup) {
    String user = startup.parameters().get("user");
    if (user == null || user.isEmpty()) {
      backend.fatal(PgError.of(PgError.FATAL, SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no PostgreSQL user name specified in startup packet"));
      return;
    }
    this.startup = startup;
    if (startup.minorVersion() > 0 || !startup.unsupportedOptions().isEmpty()) {
      Messages.writeNegotiateProtocolVersion(
          backend.out().buffer(), 0, startup.unsupportedOptions());
    }
    if (!authentication.required()) {
      open();
      return;
    }
    exchange = authentication.begin(user, channelBinding());
    Channel channel = backend.channel();
    timeout = channel.eventLoop().schedule(() -> {
      LOG.info("authentication of user \"{}\" timed out; closing {}", user, channel);
      channel.close();
    }, AUTHENTICATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Messages.writeAuthenticationSasl(backend.out().buffer(), exchange.mechanisms());
    backend.out().flush();
  }

  /** A 'p' message: the next step of the SASL exchange, if one is under way. */
  void password(PasswordMessage message) {
    if (exchange == null) {
      // Not asked for a password: PostgreSQL does not know the message type at this point.
      backend.fatal(PgError.of(PgError.FATAL, SqlState.PROTOCOL_VIOLATION,
          startup == null ? "expected startup message" : "invalid frontend message type 112"));
      return;
    }
    try {
      if (!exchange.started()) {
        SaslInitialResponse initial = SaslInitialResponse.parse(message.data());
        if (!exchange.mechanisms().contains(initial.mechanism())) {
          throw new SqlStateException(SqlState.PROTOCOL_VIOLATION,
              "client selected an invalid SASL authentication mechanism");
        }
        String serverFirst =
            exchange.serverFirst(initial.mechanism(), text(initial.response()));
        Messages.writeAuthenticationSaslContinue(backend.out().buffer(), bytes(serverFirst));
        backend.out().flush();
        return;
      }
      String serverFinal = exchange.serverFinal(text(message.data()));
      exchange = null;
      timeout.cancel(false);
      Messages.writeAuthenticationSaslFinal(backend.out().buffer(), bytes(serverFinal));
    } catch (SqlStateException e) {
      LOG.info("authentication of user \"{}\" failed: {}{}", startup.parameters().get("user"),
          e.getMessage(), e.detail() == null ? "" : " (" + e.detail() + ")");
      exchange = null;
      timeout.cancel(false);
      backend.fatal(PgError.of(PgError.FATAL, e));
      return;
    }
    open();
  }

  /** The tls-server-end-point data of an encrypted connection, else null. */
  private byte[] channelBinding() {
    SslHandler tls = backend.channel().pipeline().get(SslHandler.class);
    if (tls == null) {
      return null;
    }
    Certificate[] ours = tls.engine().getSession().getLocalCertificates();
    return ours == null || ours.length == 0 ? null : TlsServerEndPoint.of(ours[0]);
  }

  /** Opens the session and sends AuthenticationOk through ReadyForQuery. */
  private void open() {
    Session session;
    try {
      session = backend.engine().open(new StartupParameters(startup.parameters()));
    } catch (SqlStateException e) {
      backend.fatal(PgError.of(PgError.FATAL, e));
      return;
    } catch (RuntimeException e) {
      backend.fatal(ErrorReporter.toPgError(e, PgError.FATAL));
      return;
    }
    backend.session(session);
    ByteBuf out = backend.out().buffer();
    Messages.writeAuthenticationOk(out);
    // Changes the session already queued are folded in, so each parameter is reported once.
    Map<String, String> parameters = new LinkedHashMap<>(session.reportedParameters());
    Map<String, String> changes = session.takeParameterChanges();
    if (changes != null) {
      parameters.putAll(changes);
    }
    Messages.writeParameterStatuses(out, parameters);
    backend.applyParameters(parameters);
    Messages.writeBackendKeyData(out, session.processId(), session.secretKey());
    Messages.writeReadyForQuery(out, session.transactionStatus().indicator());
    backend.out().flush();
  }

  private static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
