package org.yggdrasil.planner.session;

import java.util.Map;
import java.util.Objects;

/**
 * The key/value pairs of a StartupMessage: {@code user}, {@code database}, {@code options}
 * ({@code -c name=value ...}), {@code application_name}, {@code client_encoding} and others.
 */
public record StartupParameters(Map<String, String> values) {
  public StartupParameters {
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
  }

  public String user() {
    return values.getOrDefault("user", "ygg");
  }

  /** The database to connect to; PostgreSQL defaults it to the user name. */
  public String database() {
    String db = values.get("database");
    return db == null || db.isEmpty() ? user() : db;
  }

  public String get(String key) {
    return values.get(key);
  }
}
