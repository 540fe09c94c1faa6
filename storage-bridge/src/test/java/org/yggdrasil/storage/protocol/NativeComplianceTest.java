package org.yggdrasil.storage.protocol;

import org.yggdrasil.catalog.compliance.ComplianceSuite;
import org.yggdrasil.catalog.compliance.SystemFixture;

/** The native store on disk passes the protocol compliance suite. */
class NativeComplianceTest extends ComplianceSuite {
  @Override
  protected SystemFixture fixture() {
    return new NativeFixture(true);
  }
}
