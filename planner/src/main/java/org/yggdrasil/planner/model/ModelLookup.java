package org.yggdrasil.planner.model;

import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.Snapshot;

/** Finds the model a function argument names, folding the name as PostgreSQL folds regclass text. */
final class ModelLookup {
  private ModelLookup() {}

  /**
   * The model name a string argument means: {@code 'Fraud'} is {@code fraud} (unquoted names
   * fold to lower case, as in the CREATE MODEL that made it), {@code '"Fraud"'} is {@code Fraud}.
   */
  static String nameOf(String literal) {
    String s = literal.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s.toLowerCase(Locale.ROOT);
  }

  static ModelDef require(Snapshot snapshot, String name) {
    ModelDef m = ModelDef.find(snapshot, name);
    if (m == null) {
      throw undefined(name);
    }
    return m;
  }

  static SqlStateException undefined(String name) {
    return new SqlStateException(SqlState.UNDEFINED_OBJECT, "model \"" + name + "\" does not exist",
        null, "SHOW MODELS lists the models of the branch and commit this session reads.", 0, null);
  }
}
