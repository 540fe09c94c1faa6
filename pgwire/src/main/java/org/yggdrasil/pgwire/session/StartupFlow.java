package org.yggdrasil.pgwire.session;

import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage.Startup;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.pgwire.codec.PgError;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.StartupParameters;

/**
 * Startup: opens the engine session and answers as PostgreSQL does with trust authentication:
 *
 * <pre>
 *   [NegotiateProtocolVersion]  only if the client asked for 3.x &gt; 3.0 or _pq_ options
 *   AuthenticationOk
 *   ParameterStatus*            the session's reported parameters
 *   BackendKeyData              process id and secret key for CancelRequest
 *   ReadyForQuery
 * </pre>
 *
 * A failure to open (e.g. 3D000 for an unknown database) is a FATAL ErrorResponse and the
 * connection closes.
 */
final class StartupFlow {
  private final Backend backend;

  StartupFlow(Backend backend) {
    this.backend = backend;
  }

  void start(Startup startup) {
    String user = startup.parameters().get("user");
    if (user == null || user.isEmpty()) {
      backend.fatal(PgError.of(PgError.FATAL, SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no PostgreSQL user name specified in startup packet"));
      return;
    }
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
    if (startup.minorVersion() > 0 || !startup.unsupportedOptions().isEmpty()) {
      Messages.writeNegotiateProtocolVersion(out, 0, startup.unsupportedOptions());
    }
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
}
