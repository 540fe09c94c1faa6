package org.yggdrasil.planner.session;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.SequenceAccess;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.SequenceDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * nextval, currval, lastval and setval for one session. A sequence's value is computed from two
 * store counters: {@code calls} (how many values were handed out since the last setval; never
 * repeats, survives restarts) and {@code base} (the offset the last setval chose), so the n-th
 * value after a setval is {@code start + base + (n - 1) * increment}. Definitions are read from the
 * session's current snapshot; values are not transactional, as in PostgreSQL.
 */
final class SessionSequences implements SequenceAccess {
  private final NativeDatabase database;
  private final Supplier<Snapshot> snapshot;
  /** currval per sequence name, for this session. */
  private final Map<String, Long> last = new HashMap<>();
  private Long lastValue;

  SessionSequences(NativeDatabase database, Supplier<Snapshot> snapshot) {
    this.database = database;
    this.snapshot = snapshot;
  }

  @Override
  public long nextval(String sequence) {
    SequenceDef s = require(sequence);
    long n = database.nextval(s.counter() + "/calls");
    long base = database.counterValue(s.counter() + "/base");
    long value;
    try {
      value = Math.addExact(Math.addExact(s.start(), base),
          Math.multiplyExact(n - 1, s.increment()));
    } catch (ArithmeticException overflow) {
      throw limit(s);
    }
    if (value > s.max() || value < s.min()) {
      throw limit(s);
    }
    last.put(s.name(), value);
    lastValue = value;
    return value;
  }

  private static SqlStateException limit(SequenceDef s) {
    boolean up = s.increment() > 0;
    return new SqlStateException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
        "nextval: reached " + (up ? "maximum" : "minimum") + " value of sequence \"" + s.name()
            + "\" (" + (up ? s.max() : s.min()) + ")");
  }

  @Override
  public long currval(String sequence) {
    SequenceDef s = require(sequence);
    Long v = last.get(s.name());
    if (v == null) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "currval of sequence \"" + s.name() + "\" is not yet defined in this session");
    }
    return v;
  }

  @Override
  public long lastval() {
    if (lastValue == null) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "lastval is not yet defined in this session");
    }
    return lastValue;
  }

  @Override
  public long setval(String sequence, long value, boolean isCalled) {
    SequenceDef s = require(sequence);
    if (value < s.min() || value > s.max()) {
      throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
          + " is out of bounds for sequence \"" + s.name() + "\" (" + s.min() + ".." + s.max() + ")");
    }
    long next = isCalled ? value + s.increment() : value;
    database.setval(s.counter() + "/base", next - s.start());
    database.setval(s.counter() + "/calls", 0);
    if (isCalled) {
      last.put(s.name(), value);
      lastValue = value;
    }
    return value;
  }

  private SequenceDef require(String text) {
    String name = regclassName(text);
    SequenceDef s = snapshot.get().catalog().sequence(name);
    if (s == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + name + "\" does not exist");
    }
    return s;
  }

  /** A relation name as regclass input reads it: folded unless quoted, {@code public.} dropped. */
  static String regclassName(String text) {
    if (text == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE, "relation \"\" does not exist");
    }
    String t = text.strip();
    if (t.startsWith("public.") || t.startsWith("\"public\".")) {
      t = t.substring(t.indexOf('.') + 1);
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return t.toLowerCase(Locale.ROOT);
  }
}
