package org.yggdrasil.planner.schema.functions;

import org.apache.calcite.linq4j.function.NonDeterministic;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's system information functions. Public static methods, registered by name in the
 * root schema; called from generated code. Non-deterministic so that the planner never folds
 * them into a cached plan.
 */
@NonDeterministic
public final class SystemFunctions {
  /** What {@code version()} reports: PostgreSQL 15-compatible, so clients enable 15's features. */
  public static final String VERSION =
      "PostgreSQL 15.18 (Yggdrasil 0.1) on x86_64-pc-linux-gnu, compiled by javac 25, 64-bit";

  private SystemFunctions() {}

  public static String version() {
    return VERSION;
  }

  public static String current_database() {
    return SessionInfo.current().database();
  }

  /**
   * current_schema / current_schema(): registered as ygg_pg_current_schema, since the parser
   * claims the name (PgRewrites routes both spellings here).
   */
  public static String ygg_pg_current_schema() {
    return "public";
  }

  public static String session_user() {
    return SessionInfo.current().user();
  }

  public static int pg_backend_pid() {
    return SessionInfo.current().processId();
  }

  public static String current_setting(String name) {
    String v = SessionInfo.current().setting().apply(name);
    if (v == null) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
          "unrecognized configuration parameter \"" + name + "\"");
    }
    return v;
  }

  public static String current_setting(String name, Boolean missingOk) {
    String v = SessionInfo.current().setting().apply(name);
    if (v == null && !Boolean.TRUE.equals(missingOk)) {
      return current_setting(name);
    }
    return v;
  }

  /**
   * set_config(name, value, is_local): SET from a query, with SET's checks; returns the new
   * value as current_setting shows it.
   */
  public static String set_config(String name, String value, Boolean local) {
    if (name == null) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "SET requires parameter name");
    }
    SessionInfo.current().settingWriter().set(name, value == null ? "" : value,
        Boolean.TRUE.equals(local));
    return current_setting(name);
  }

  /** Defaults are stored as their SQL text, so the "decompiled" expression is that text. */
  public static String pg_get_expr(String expression, Long relation) {
    return expression;
  }

  public static String pg_get_expr(String expression, Long relation, Boolean pretty) {
    return expression;
  }
}
