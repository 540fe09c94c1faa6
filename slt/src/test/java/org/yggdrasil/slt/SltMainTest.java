package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: a file run against an in-process Yggdrasil. */
class SltMainTest {
  @Test
  void runPrintsTheLoadBesideTheFiguresAndTheSummaryLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tiny.test");
    Files.writeString(file, """
        statement ok
        CREATE TABLE t (a INTEGER)

        statement ok
        INSERT INTO t VALUES (1), (2)

        query I rowsort
        SELECT a * 2 FROM t
        ----
        2
        4
        """);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = SltMain.run(new String[] {"--jobs", "1", file.toString()},
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, out);
    // Records/s means little without the machine's load: the header and the end say it.
    assertTrue(out.lines().findFirst().orElseThrow().contains("load average "), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("load average ")
        && l.endsWith("processor(s)")), out);
    assertTrue(out.lines().anyMatch(l -> l.equals("3 passed, 0 failed, 0 skipped")), out);
  }
}
