package org.yggdrasil.planner.model;

import java.util.List;
import java.util.Map;

/** The model statements: CREATE MODEL, DROP MODEL, SHOW MODELS and DESCRIBE MODEL. */
public sealed interface ModelStatement {

  /**
   * CREATE [OR REPLACE] MODEL [IF NOT EXISTS] name TYPE type [OPTIONS (k = v, …)] AS query.
   *
   * @param options option name (lower case) → value text, in the order written
   */
  record Create(String name, boolean orReplace, boolean ifNotExists, String type,
      Map<String, String> options, String query) implements ModelStatement {}

  /** DROP MODEL [IF EXISTS] a, b. */
  record Drop(List<String> names, boolean ifExists) implements ModelStatement {}

  /** SHOW MODELS. */
  record Show() implements ModelStatement {}

  /** DESCRIBE MODEL name. */
  record Describe(String name) implements ModelStatement {}
}
