package org.yggdrasil.planner.session;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.SystemFunctions;

/**
 * The settings Yggdrasil knows, with their defaults, validation and whether clients are told
 * of changes. Names are case-insensitive. Names containing a dot that are not declared here are
 * accepted as custom settings (PostgreSQL's placeholder variables, e.g. {@code myapp.user}).
 */
public final class SettingsRegistry {
  private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

  static {
    UnaryOperator<String> any = v -> v;
    reported("server_version", "15.18", true, "PostgreSQL version Yggdrasil is compatible with");
    reported("server_encoding", "UTF8", true, "server character set");
    reported("client_encoding", "UTF8", false, "client character set", SettingsRegistry::encoding);
    reported("DateStyle", "ISO, MDY", false, "date display format", SettingsRegistry::dateStyle);
    reported("TimeZone", "UTC", false, "time zone for displaying timestamps",
        SettingsRegistry::timeZone);
    reported("integer_datetimes", "on", true, "datetimes are 64-bit integers");
    reported("standard_conforming_strings", "on", false, "'...' strings treat backslashes literally",
        v -> onOff(v, "standard_conforming_strings"));
    reported("IntervalStyle", "postgres", false, "interval display format", any);
    reported("application_name", "", false, "name of the client application", any);
    reported("is_superuser", "on", true, "whether the session user is a superuser");
    reported("session_authorization", "ygg", true, "session user name");
    reported("default_transaction_read_only", "off", false, "new transactions are read-only",
        v -> onOff(v, "default_transaction_read_only"));
    reported("in_hot_standby", "off", true, "server is a hot standby");
    plain("server_version_num", "150018", true, "PostgreSQL version number");
    plain("search_path", "\"$user\", public", false, "schema search order", any);
    plain("ygg.vectorize", "on", false,
        "run scans, filters and aggregates over native tables on the vectorized executor",
        v -> onOff(v, "ygg.vectorize"));
    plain("extra_float_digits", "1", false, "digits shown for floating-point values",
        v -> integer(v, "extra_float_digits", -15, 3));
    plain("statement_timeout", "0", false, "abort statements running longer (ms)",
        SettingsRegistry::duration);
    plain("lock_timeout", "0", false, "abort waits for locks longer (ms)", SettingsRegistry::duration);
    plain("idle_in_transaction_session_timeout", "0", false, "close idle transactions (ms)",
        SettingsRegistry::duration);
    plain("default_transaction_isolation", "read committed", false, "isolation of new transactions",
        SettingsRegistry::isolation);
    plain("transaction_isolation", "read committed", false, "isolation of this transaction",
        SettingsRegistry::isolation);
    plain("transaction_read_only", "off", false, "this transaction is read-only",
        v -> onOff(v, "transaction_read_only"));
    plain("bytea_output", "hex", false, "bytea output format", any);
    plain("lc_messages", "C", false, "message language", any);
    plain("lc_monetary", "C", false, "monetary formatting", any);
    plain("lc_numeric", "C", false, "number formatting", any);
    plain("lc_time", "C", false, "time formatting", any);
    plain("max_identifier_length", "63", true, "maximum identifier length");
    plain("max_index_keys", "32", true, "maximum index keys");
    plain("block_size", "8192", true, "block size");
    plain("work_mem", "4MB", false, "memory for sorts and hashes", any);
    plain("timezone_abbreviations", "Default", false, "time zone abbreviations", any);
    plain("row_security", "on", false, "row security", any);
    plain("synchronous_commit", "on", false, "wait for durable commit", any);
    plain("client_min_messages", "notice", false, "least severe message sent to the client", any);
    plain("geqo", "on", false, "genetic query optimisation", any);
    plain("jit", "off", false, "JIT compilation", any);
    plain("enable_seqscan", "on", false, "planner may use sequential scans", any);
    plain("max_connections", "100", true, "maximum concurrent connections");
    plain("version", SystemFunctions.VERSION, true, "server version string");
    plain("ygg.branch", "main", false, "branch the session reads and writes", any);
    plain("ygg.commit_message", "", false, "message of the session's next commits", any);
    plain("ygg.commit_id", "", false, "commit the session is pinned to (read-only)", any);
    plain("ygg.as_of", "", false, "time the session reads its branch as of (read-only)", any);
    plain("ygg.overlay", "", false, "mode of the session's open overlay (frozen, following, gated)", any);
    // How many threads one query may use (the vectorized executor's morsel workers); 1 makes
    // single-thread measurements possible. The bound is PostgreSQL's max_parallel_workers'.
    plain("ygg.threads", Integer.toString(Runtime.getRuntime().availableProcessors()), false,
        "threads one query may use", v -> integer(v, "ygg.threads", 1, 1024));
  }

  private SettingsRegistry() {}

  private static void reported(String name, String def, boolean readOnly, String description) {
    put(new Setting(name, def, true, readOnly, v -> v, description));
  }

  private static void reported(String name, String def, boolean readOnly, String description,
      UnaryOperator<String> normalize) {
    put(new Setting(name, def, true, readOnly, normalize, description));
  }

  private static void plain(String name, String def, boolean readOnly, String description) {
    put(new Setting(name, def, false, readOnly, v -> v, description));
  }

  private static void plain(String name, String def, boolean readOnly, String description,
      UnaryOperator<String> normalize) {
    put(new Setting(name, def, false, readOnly, normalize, description));
  }

  private static void put(Setting s) {
    SETTINGS.put(s.name().toLowerCase(Locale.ROOT), s);
  }

  /** The declared setting, or null. */
  public static Setting find(String name) {
    return SETTINGS.get(name.toLowerCase(Locale.ROOT));
  }

  public static Collection<Setting> all() {
    return SETTINGS.values();
  }

  /** True for names a session may hold even though they are not declared (custom settings). */
  public static boolean isCustom(String name) {
    return name.indexOf('.') > 0;
  }

  static SqlStateException unknown(String name) {
    return new SqlStateException(SqlState.UNDEFINED_OBJECT,
        "unrecognized configuration parameter \"" + name + "\"");
  }

  private static SqlStateException invalid(String name, String value) {
    return new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
        "invalid value for parameter \"" + name + "\": \"" + value + "\"");
  }

  private static String encoding(String v) {
    String u = v.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (u.equals("UTF8") || u.equals("UNICODE")) {
      return "UTF8";
    }
    if (u.equals("SQLASCII")) {
      return "SQL_ASCII";
    }
    throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
        "client_encoding \"" + v + "\" is not supported; Yggdrasil speaks UTF8");
  }

  private static String timeZone(String v) {
    if (org.yggdrasil.planner.schema.PgZones.forSetting(v) == null) {
      throw invalid("TimeZone", v);
    }
    return v;
  }

  private static String dateStyle(String v) {
    String u = v.toUpperCase(Locale.ROOT);
    String format = u.contains("ISO") ? "ISO" : u.contains("SQL") ? "SQL"
        : u.contains("GERMAN") ? "German" : u.contains("POSTGRES") ? "Postgres" : null;
    String order = u.contains("DMY") || u.contains("EURO") ? "DMY"
        : u.contains("YMD") ? "YMD" : "MDY";
    if (format == null && !u.matches(".*(DMY|MDY|YMD|EURO|US|NONEURO).*")) {
      throw invalid("DateStyle", v);
    }
    return (format == null ? "ISO" : format) + ", " + order;
  }

  private static String onOff(String v, String name) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1", "t" -> "on";
      case "off", "false", "no", "0", "f" -> "off";
      default -> throw invalid(name, v);
    };
  }

  private static String integer(String v, String name, int min, int max) {
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
            i + " is outside the valid range for parameter \"" + name + "\" (" + min + " .. "
                + max + ")");
      }
      return Integer.toString(i);
    } catch (NumberFormatException e) {
      throw invalid(name, v);
    }
  }

  private static String isolation(String v) {
    String l = v.toLowerCase(Locale.ROOT).trim();
    return switch (l) {
      case "read committed", "read uncommitted", "repeatable read", "serializable" -> l;
      default -> throw invalid("transaction_isolation", v);
    };
  }

  /** Formats milliseconds as PostgreSQL shows durations: the largest unit that divides evenly. */
  static String formatMillis(long ms) {
    if (ms == 0) {
      return "0";
    }
    long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] units = {"d", "h", "min", "s"};
    for (int i = 0; i < factors.length; i++) {
      if (ms % factors[i] == 0) {
        return (ms / factors[i]) + units[i];
      }
    }
    return ms + "ms";
  }

  /** Milliseconds of a duration value (as {@link #duration} leaves it). */
  public static long millis(String value) {
    return parseMillis(value);
  }

  /** Parses a duration setting ({@code 200}, {@code 200ms}, {@code 5s}, {@code 1min}). */
  static String duration(String v) {
    long ms = parseMillis(v);
    if (ms < 0 || ms > Integer.MAX_VALUE) {
      throw invalid("timeout", v);
    }
    return formatMillis(ms);
  }

  /** A duration in milliseconds: a number, optionally with unit ms, s, min, h or d. */
  private static long parseMillis(String v) {
    String t = v.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    String digits = t;
    // "ms" before "s": the first unit the text ends with wins.
    for (String[] unit : new String[][] {{"ms", "1"}, {"min", "60000"}, {"s", "1000"},
        {"h", "3600000"}, {"d", "86400000"}}) {
      if (t.endsWith(unit[0])) {
        factor = Long.parseLong(unit[1]);
        digits = t.substring(0, t.length() - unit[0].length()).trim();
        break;
      }
    }
    try {
      return Math.round(Double.parseDouble(digits) * factor);
    } catch (NumberFormatException e) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter: \"" + v + "\"", null,
          "Valid units for this parameter are \"ms\", \"s\", \"min\", \"h\", and \"d\".", 0, null);
    }
  }

}
