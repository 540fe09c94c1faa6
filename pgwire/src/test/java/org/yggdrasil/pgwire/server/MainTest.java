package org.yggdrasil.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line, without starting a server. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void helpListsServe() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("serve"), out.toString());
  }

  @Test
  void serveHelpListsItsOptions() {
    assertEquals(0, run("serve", "--help"));
    for (String option : new String[] {"--host", "--port", "--memory", "--data", "--read-only"}) {
      assertTrue(out.toString().contains(option), option);
    }
    assertTrue(out.toString().contains("5433"));
    assertTrue(out.toString().contains("127.0.0.1"));
  }

  @Test
  void badPortIsAUsageError() {
    assertEquals(2, run("serve", "--port", "70000"));
    assertTrue(err.toString().contains("--port"), err.toString());
    assertEquals(2, run("serve", "--port", "abc"));
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("serve", "--nope"));
  }
}
