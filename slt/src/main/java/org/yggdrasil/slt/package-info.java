/**
 * A sqllogictest runner: parses {@code .test} files (the SQLite project's format, as shipped in
 * {@code net.hydromatic:sql-logic-test}), runs them through pgjdbc against a fresh Yggdrasil
 * server per file (or against any PostgreSQL), and reports passes and failures grouped by cause.
 * Our own files (test resources, {@code ygg/}) use two extensions, {@code statement error
 * SQLSTATE} and {@code let NAME} (see {@link org.yggdrasil.slt.SltParser}); the reference mode
 * ({@link org.yggdrasil.slt.LocalPostgres}) runs them against a throwaway PostgreSQL 15.
 */
package org.yggdrasil.slt;
