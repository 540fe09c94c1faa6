package org.yggdrasil.planner.stats;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Lets Calcite's Enumerable aggregation run an aggregate through a {@link RowAccumulator}
 * class: the generated code keeps one accumulator object per group as the aggregate's state. The
 * accumulator sees NULL arguments itself, so it decides (as PostgreSQL's functions do) which rows
 * count.
 */
final class AccumulatorAggregate implements ImplementableAggFunction, AggImplementor {
  private static final int MAX_ARGS = 3;
  private final Class<? extends RowAccumulator> accumulator;

  AccumulatorAggregate(Class<? extends RowAccumulator> accumulator) {
    this.accumulator = accumulator;
  }

  @Override
  public AggImplementor getImplementor(boolean windowContext) {
    return this;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    // the operator's return type inference decides; this is only a fallback
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), true);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of();
  }

  @Override
  public List<Type> getStateType(AggContext info) {
    return List.of(accumulator);
  }

  @Override
  public void implementReset(AggContext info, AggResetContext reset) {
    reset.currentBlock().add(Expressions.statement(
        Expressions.assign(reset.accumulator().get(0), Expressions.new_(accumulator))));
  }

  @Override
  public void implementAdd(AggContext info, AggAddContext add) {
    List<Expression> args = new ArrayList<>();
    for (Expression e : add.arguments()) {
      args.add(Expressions.convert_(Expressions.box(e), Object.class));
    }
    if (args.size() > MAX_ARGS) {
      throw new IllegalStateException(accumulator.getSimpleName() + " takes at most 3 arguments");
    }
    while (args.size() < MAX_ARGS) {
      args.add(Expressions.constant(null, Object.class));
    }
    add.currentBlock().add(Expressions.statement(
        Expressions.call(add.accumulator().get(0), "add", args)));
  }

  @Override
  public Expression implementResult(AggContext info, AggResultContext result) {
    Type type = info.returnType();
    if (type instanceof Class<?> c && c.isPrimitive()) {
      type = org.apache.calcite.linq4j.tree.Primitive.box(c);
    }
    return Expressions.convert_(Expressions.call(result.accumulator().get(0), "result"), type);
  }
}
