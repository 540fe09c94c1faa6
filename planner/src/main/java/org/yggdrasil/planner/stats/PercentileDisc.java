package org.yggdrasil.planner.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * percentile_disc(f) WITHIN GROUP (ORDER BY x [DESC]) for any orderable input: the first value
 * (in the requested order) whose position reaches fraction f, returned as it came in.
 */
public final class PercentileDisc extends PercentileState {
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> ORDER = (a, b) -> a instanceof Double x && b instanceof Double y
      ? Double.compare(x, y) // NaN above every number, as in PostgreSQL
      : ((Comparable) a).compareTo(b);

  private final List<Object> values = new ArrayList<>();

  @Override
  void collect(Object value) {
    values.add(value);
  }

  @Override
  int count() {
    return values.size();
  }

  @Override
  Object select(double f, boolean descending) {
    values.sort(descending ? ORDER.reversed() : ORDER);
    return values.get((int) Percentiles.discRow(values.size(), f));
  }
}
