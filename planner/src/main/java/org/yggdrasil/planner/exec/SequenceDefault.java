package org.yggdrasil.planner.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a column DEFAULT that draws from a sequence, {@code nextval('s'::regclass)} (the form
 * serial and identity columns get, and PostgreSQL prints), so it is evaluated per row without a
 * query plan.
 */
final class SequenceDefault {
  private static final Pattern NEXTVAL = Pattern.compile(
      "(?i)\\s*nextval\\s*\\(\\s*'((?:[^']|'')*)'(?:\\s*::\\s*regclass)?\\s*\\)\\s*");

  private SequenceDefault() {}

  /** The sequence name (as regclass text) of a nextval default, or null. */
  static String sequenceOf(String defaultSql) {
    if (defaultSql == null) {
      return null;
    }
    Matcher m = NEXTVAL.matcher(defaultSql);
    return m.matches() ? m.group(1).replace("''", "'") : null;
  }
}
