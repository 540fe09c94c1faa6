package org.yggdrasil.planner.session;

import java.util.List;
import java.util.function.Function;

/** A prepared statement of a {@link YggSession}: its described shape and how to bind it. */
final class YggPreparedStatement implements PreparedStatement {
  private final int[] parameterTypes;
  private final List<ResultColumn> columns;
  private final boolean empty;
  private final boolean bounded;
  private final Function<Object[], Portal> binder;

  YggPreparedStatement(int[] parameterTypes, List<ResultColumn> columns, boolean empty,
      Function<Object[], Portal> binder) {
    this(parameterTypes, columns, empty, false, binder);
  }

  YggPreparedStatement(int[] parameterTypes, List<ResultColumn> columns, boolean empty,
      boolean bounded, Function<Object[], Portal> binder) {
    this.parameterTypes = parameterTypes;
    this.columns = columns;
    this.empty = empty;
    this.bounded = bounded;
    this.binder = binder;
  }

  @Override
  public boolean bounded() {
    return bounded;
  }

  @Override
  public int[] parameterTypes() {
    return parameterTypes.clone();
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return columns;
  }

  @Override
  public boolean isEmpty() {
    return empty;
  }

  @Override
  public Portal bind(Object[] parameters) {
    return binder.apply(parameters);
  }

  @Override
  public void close() {}
}
