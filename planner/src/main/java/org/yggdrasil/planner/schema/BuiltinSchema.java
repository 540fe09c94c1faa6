package org.yggdrasil.planner.schema;

import com.google.common.collect.Multimap;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.util.BuiltInMethod;

/**
 * The root schema's own schema: a fixed set of built-in functions and type names, served as
 * the schema's own so each statement's root finds them without registering them again (Calcite
 * keeps explicitly added ones in case-insensitive tree maps, rebuilt per root).
 */
final class BuiltinSchema extends AbstractSchema {
  private final Multimap<String, Function> functions;
  private final Map<String, RelProtoDataType> types;

  BuiltinSchema(Multimap<String, Function> functions, Map<String, RelProtoDataType> types) {
    this.functions = functions;
    this.types = types;
  }

  /** As Calcite's own root schema: generated code reaches the root through the data context. */
  @Override
  public Expression getExpression(SchemaPlus parentSchema, String name) {
    return Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions;
  }

  @Override
  protected Map<String, RelProtoDataType> getTypeMap() {
    return types;
  }
}
