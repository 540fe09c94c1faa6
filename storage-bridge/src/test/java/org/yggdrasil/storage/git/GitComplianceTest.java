package org.yggdrasil.storage.git;

import org.yggdrasil.catalog.compliance.ComplianceSuite;
import org.yggdrasil.catalog.compliance.SystemFixture;

/** The Git adapter passes the protocol compliance suite. */
class GitComplianceTest extends ComplianceSuite {
  @Override
  protected SystemFixture fixture() {
    return new GitFixture();
  }
}
