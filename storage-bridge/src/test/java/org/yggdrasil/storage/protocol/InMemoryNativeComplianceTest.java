package org.yggdrasil.storage.protocol;

import org.yggdrasil.catalog.compliance.ComplianceSuite;
import org.yggdrasil.catalog.compliance.SystemFixture;

/** The in-memory native store passes the protocol compliance suite (gc forgets, not deletes). */
class InMemoryNativeComplianceTest extends ComplianceSuite {
  @Override
  protected SystemFixture fixture() {
    return new NativeFixture(false);
  }
}
