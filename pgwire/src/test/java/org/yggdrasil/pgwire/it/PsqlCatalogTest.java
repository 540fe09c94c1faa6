package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * psql's describe commands over pg_catalog, on a server of its own (so that the listings hold
 * only this test's tables). The expected files are psql's output, see {@link PsqlScriptTest}.
 */
class PsqlCatalogTest {
  @RegisterExtension static final TestServer server = new TestServer();

  /** \dn \dt \d \d+ \di \dv \ds \df: exactly what PostgreSQL 15 prints. */
  @Test
  void describeCommands() throws Exception {
    PsqlScriptTest.runScript(server, "catalog");
  }

  /**
   * \d with foreign keys ("Foreign-key constraints", "Referenced by"), checks, CREATE INDEX
   * indexes and comments, and the pg_constraint / information_schema rows behind them: exactly
   * what PostgreSQL 15 prints.
   */
  @Test
  void constraintsIndexesAndComments() throws Exception {
    PsqlScriptTest.runScript(server, "constraints");
  }

  /** \dv, \ds and \d list views and sequences; pg_sequence and their comments. */
  @Test
  void viewsAndSequences() throws Exception {
    PsqlScriptTest.runScript(server, "relations");
  }

  /**
   * Enum types: \dT, \dT+ (labels in sort order), \d with enum columns and their DEFAULT,
   * ordering by sort order, ALTER TYPE, DROP TYPE's dependency error and CASCADE notice.
   */
  @Test
  void enumTypes() throws Exception {
    PsqlScriptTest.runScript(server, "enums");
  }

  /**
   * \l and \du: the expected output is Yggdrasil's own (its databases and roles are not a
   * PostgreSQL cluster's); the script says where and why it differs from PostgreSQL's.
   */
  @Test
  void databasesAndRoles() throws Exception {
    assumeTrue(!TestServer.isReferencePostgres(), "Yggdrasil's own databases and roles");
    PsqlScriptTest.runScript(server, "catalog_server");
  }
}
