package org.yggdrasil.planner.model;

import java.util.Locale;
import java.util.Map;
import org.yggdrasil.accel.iforest.ForestParams;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The OPTIONS of CREATE MODEL … TYPE ISOLATION_FOREST: {@code n_trees}, {@code sample_size},
 * {@code contamination}, {@code seed}; any left out take {@link ForestParams#defaults()}.
 * Unknown names and bad values are 22023 naming the option, as PostgreSQL reports a bad
 * storage parameter.
 */
final class ModelOptions {
  static final String ISOLATION_FOREST = "isolation_forest";

  private ModelOptions() {}

  /** 22023 unless {@code type} is a model type this server trains. */
  static String requireType(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (!t.equals(ISOLATION_FOREST)) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "unknown model type \"" + type + "\"", null, "Supported model types: ISOLATION_FOREST.",
          0, null);
    }
    return t;
  }

  static ForestParams forest(Map<String, String> options) {
    ForestParams d = ForestParams.defaults();
    int trees = d.trees();
    int sampleSize = d.sampleSize();
    double contamination = d.contamination();
    long seed = d.seed();
    for (Map.Entry<String, String> o : options.entrySet()) {
      String v = o.getValue();
      switch (o.getKey()) {
        case "n_trees" -> trees = (int) integer(o.getKey(), v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case "sample_size" -> sampleSize =
            (int) integer(o.getKey(), v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case "contamination" -> contamination = real(o.getKey(), v);
        case "seed" -> seed = integer(o.getKey(), v, Long.MIN_VALUE, Long.MAX_VALUE);
        default -> throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
            "unrecognized model option \"" + o.getKey() + "\"", null,
            "ISOLATION_FOREST takes n_trees, sample_size, contamination and seed.", 0, null);
      }
    }
    try {
      return new ForestParams(trees, sampleSize, contamination, seed);
    } catch (IllegalArgumentException e) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, e.getMessage());
    }
  }

  /** The options as DESCRIBE MODEL and SHOW MODELS show them. */
  static String text(ForestParams p) {
    return "n_trees=" + p.trees() + ", sample_size=" + p.sampleSize() + ", contamination="
        + p.contamination() + ", seed=" + p.seed();
  }

  private static long integer(String option, String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(option, value, "an integer");
    }
  }

  private static double real(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw invalid(option, value, "a number");
    }
  }

  private static SqlStateException invalid(String option, String value, String expected) {
    return new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
        "invalid value for model option \"" + option + "\": \"" + value + "\"", null,
        "Give " + expected + ".", 0, null);
  }
}
