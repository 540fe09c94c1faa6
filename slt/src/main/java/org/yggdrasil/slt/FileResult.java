package org.yggdrasil.slt;

import java.util.List;

/** The outcome of one file. {@code records} counts statement and query records. */
public record FileResult(
    String file,
    int records,
    int passed,
    int failed,
    int skipped,
    long millis,
    List<Failure> failures,
    String fatal) {}
