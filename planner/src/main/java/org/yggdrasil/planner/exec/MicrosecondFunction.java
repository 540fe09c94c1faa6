package org.yggdrasil.planner.exec;

import org.apache.calcite.schema.Function;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * A runtime function that takes or returns timestamps as microseconds (see
 * {@link MicrosecondTimestamps}). It is never folded into a constant while planning: the
 * planner's constant folding runs Calcite's millisecond code, so a folded call would see a
 * timestamp a thousand times too small.
 */
final class MicrosecondFunction extends SqlUserDefinedFunction {
  MicrosecondFunction(SqlIdentifier name, SqlReturnTypeInference returnType,
      SqlOperandTypeInference operandTypes, SqlOperandMetadata metadata, Function function) {
    super(name, SqlKind.OTHER_FUNCTION, returnType, operandTypes, metadata, function);
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }
}
