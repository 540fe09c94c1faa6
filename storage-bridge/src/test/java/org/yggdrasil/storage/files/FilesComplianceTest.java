package org.yggdrasil.storage.files;

import org.yggdrasil.catalog.compliance.ComplianceSuite;
import org.yggdrasil.catalog.compliance.SystemFixture;

/** The files adapter passes the protocol compliance suite. */
class FilesComplianceTest extends ComplianceSuite {
  @Override
  protected SystemFixture fixture() {
    return new FilesFixture();
  }
}
