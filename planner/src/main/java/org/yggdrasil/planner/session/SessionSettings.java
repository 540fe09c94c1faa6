package org.yggdrasil.planner.session;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * A session's current setting values, with PostgreSQL's transactional rules: a SET made in a
 * transaction is undone by its ROLLBACK, a SET LOCAL lasts until the transaction ends, RESET
 * returns to the session's start value (its default or what the startup packet set).
 */
public final class SessionSettings {
  private final Map<String, String> startValues = new TreeMap<>();
  private Map<String, String> values = new TreeMap<>();
  private Map<String, String> local = new TreeMap<>();
  private Map<String, String> atTransactionStart;
  private final Map<String, String> changedReported = new LinkedHashMap<>();

  public SessionSettings(String user) {
    for (Setting s : SettingsRegistry.all()) {
      startValues.put(key(s.name()), s.defaultValue());
    }
    startValues.put("session_authorization", user);
    values.putAll(startValues);
  }

  /**
   * Setting names are case-insensitive. The registered spellings ("DateStyle") map to their keys
   * without lower-casing a new string on every lookup: per-value paths such as COPY's date
   * parsing read settings constantly.
   */
  private static final Map<String, String> REGISTERED_KEYS = registeredKeys();

  private static Map<String, String> registeredKeys() {
    Map<String, String> keys = new java.util.HashMap<>();
    for (Setting s : SettingsRegistry.all()) {
      keys.put(s.name(), s.name().toLowerCase(Locale.ROOT));
    }
    return Map.copyOf(keys);
  }

  private static String key(String name) {
    String key = REGISTERED_KEYS.get(name);
    return key != null ? key : name.toLowerCase(Locale.ROOT);
  }

  /** Applies a startup-packet setting: it becomes the value RESET returns to. */
  public void setStartValue(String name, String value) {
    String normalized = normalize(name, value, false);
    startValues.put(key(name), normalized);
    writable().put(key(name), normalized);
  }

  /** The value RESET returns to (default or startup value), or null. */
  public String startValue(String name) {
    return startValues.get(key(name));
  }

  /** The current value, or null for an unknown setting. */
  public String get(String name) {
    String k = key(name);
    String v = local.get(k);
    return v != null ? v : values.get(k);
  }

  /** SET [SESSION] name = value, or SET LOCAL when {@code isLocal}. */
  public void set(String name, String value, boolean isLocal, boolean inTransaction) {
    String normalized = normalize(name, value, true);
    String k = key(name);
    if (isLocal) {
      if (inTransaction) {
        local.put(k, normalized);
      }
    } else {
      local.remove(k);
      writable().put(k, normalized);
    }
    noteChange(name);
  }

  /** RESET name. */
  public void reset(String name) {
    String k = key(name);
    Setting s = SettingsRegistry.find(name);
    if (s == null && !SettingsRegistry.isCustom(name)) {
      throw SettingsRegistry.unknown(name);
    }
    if (s != null && s.readOnly()) {
      throw cannotChange(s.name());
    }
    local.remove(k);
    String start = startValues.get(k);
    if (start == null) {
      writable().remove(k);
    } else {
      writable().put(k, start);
    }
    noteChange(name);
  }

  /** RESET ALL: every changeable setting back to its start value. */
  public void resetAll() {
    for (Setting s : SettingsRegistry.all()) {
      if (!s.readOnly()) {
        String k = key(s.name());
        String before = get(k);
        writable().put(k, startValues.get(k));
        if (!java.util.Objects.equals(before, values.get(k))) {
          noteChange(s.name());
        }
      }
    }
    local.clear();
    writable().keySet().removeIf(k -> SettingsRegistry.find(k) == null && !startValues.containsKey(k));
  }

  /**
   * Called when a transaction starts: remember values so ROLLBACK can restore them. The map is
   * shared until the transaction first changes a setting ({@link #writable}): most statements
   * are a transaction of their own that changes none, and copying it each time showed in
   * profiles of short queries.
   */
  public void beginTransaction() {
    atTransactionStart = values;
  }

  /** The values map, copied first while the transaction start still shares it. */
  private Map<String, String> writable() {
    if (values == atTransactionStart) {
      values = new TreeMap<>(values);
    }
    return values;
  }

  /** Called when a transaction ends; {@code committed} false undoes its SETs. */
  public void endTransaction(boolean committed) {
    if (!committed && atTransactionStart != null) {
      for (String k : values.keySet()) {
        if (!java.util.Objects.equals(values.get(k), atTransactionStart.get(k))) {
          noteChange(k);
        }
      }
      values = atTransactionStart;
    }
    if (!local.isEmpty()) {
      for (String k : local.keySet()) {
        noteChange(k);
      }
      local = new TreeMap<>();
    }
    atTransactionStart = null;
  }

  /** A copy of the current values, for savepoints. */
  public Map<String, String> capture() {
    return new TreeMap<>(values);
  }

  /** Restores values captured at a savepoint. */
  public void restore(Map<String, String> captured) {
    values = new TreeMap<>(captured);
  }

  /** All current values in name order, for SHOW ALL. */
  public Map<String, String> all() {
    Map<String, String> out = new TreeMap<>();
    for (Setting s : SettingsRegistry.all()) {
      out.put(s.name(), get(s.name()));
    }
    return out;
  }

  /** Reported settings whose value changed since the last call (for ParameterStatus). */
  public Map<String, String> takeReportedChanges() {
    if (changedReported.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>(changedReported);
    changedReported.clear();
    for (Map.Entry<String, String> e : out.entrySet()) {
      e.setValue(get(e.getKey()));
    }
    return out;
  }

  private void noteChange(String name) {
    Setting s = SettingsRegistry.find(name);
    if (s != null && s.reported()) {
      changedReported.put(s.name(), "");
    }
  }

  private String normalize(String name, String value, boolean fromSet) {
    Setting s = SettingsRegistry.find(name);
    if (s == null) {
      if (SettingsRegistry.isCustom(name)) {
        return value;
      }
      throw SettingsRegistry.unknown(name);
    }
    if (s.readOnly() && fromSet) {
      throw cannotChange(s.name());
    }
    return s.normalize().apply(value);
  }

  private static SqlStateException cannotChange(String name) {
    return new SqlStateException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
        "parameter \"" + name + "\" cannot be changed");
  }
}
