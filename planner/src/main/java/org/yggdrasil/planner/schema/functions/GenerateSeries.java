package org.yggdrasil.planner.schema.functions;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * {@code generate_series(start, stop [, step])} over integers, as a table function with one
 * column named {@code generate_series}. Streams its values; checks for cancellation.
 */
public final class GenerateSeries extends AbstractTable implements ScannableTable {
  private final long start;
  private final long stop;
  private final long step;
  private final SqlTypeName type;

  private GenerateSeries(long start, long stop, long step, SqlTypeName type) {
    if (step == 0) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
    }
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.type = type;
  }

  public static ScannableTable generateSeries(int start, int stop) {
    return new GenerateSeries(start, stop, 1, SqlTypeName.INTEGER);
  }

  public static ScannableTable generateSeries(int start, int stop, int step) {
    return new GenerateSeries(start, stop, step, SqlTypeName.INTEGER);
  }

  public static ScannableTable generateSeriesBig(long start, long stop) {
    return new GenerateSeries(start, stop, 1, SqlTypeName.BIGINT);
  }

  public static ScannableTable generateSeriesBig(long start, long stop, long step) {
    return new GenerateSeries(start, stop, step, SqlTypeName.BIGINT);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder().add("generate_series", f.createSqlType(type)).build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    boolean asInt = type == SqlTypeName.INTEGER;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new Enumerator<>() {
          long next = start;
          Object[] current;
          int sinceCheck;

          @Override
          public Object[] current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            if (done || (step > 0 ? next > stop : next < stop)) {
              return false;
            }
            if (++sinceCheck >= 4096) {
              sinceCheck = 0;
              if (cancel != null && cancel.get()) {
                throw new SqlStateException(SqlState.QUERY_CANCELED,
                    "canceling statement due to user request");
              }
            }
            current = new Object[] {asInt ? (Object) (int) next : (Object) next};
            long after = next + step;
            // Stop instead of wrapping around when the next value would overflow.
            done = step > 0 ? after < next : after > next;
            next = after;
            return true;
          }

          boolean done;

          @Override
          public void reset() {
            next = start;
            done = false;
          }

          @Override
          public void close() {}
        };
      }
    };
  }
}
