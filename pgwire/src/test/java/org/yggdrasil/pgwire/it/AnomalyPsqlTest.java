package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CREATE MODEL and the ANOMALY_ functions from psql (simple query protocol), it/psql/anomaly.sql. */
class AnomalyPsqlTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void anomalyScript() throws Exception {
    assumeTrue(!TestServer.isReferencePostgres(), "Yggdrasil's own surface");
    PsqlScriptTest.runScript(server, "anomaly");
  }
}
