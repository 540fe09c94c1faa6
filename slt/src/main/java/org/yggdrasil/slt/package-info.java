/**
 * A sqllogictest runner: parses {@code .test} files (the SQLite project's format, as shipped in
 * {@code net.hydromatic:sql-logic-test}), runs them through pgjdbc against a fresh Yggdrasil
 * server per file (or against any PostgreSQL), and reports passes and failures grouped by cause.
 */
package org.yggdrasil.slt;
