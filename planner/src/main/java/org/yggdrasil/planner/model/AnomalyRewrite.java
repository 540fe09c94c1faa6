package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.SnapshotSchema;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Resolves the anomaly functions' model names against the snapshot being planned, before
 * validation: the short form {@code anomaly_score('fraud')} becomes {@code
 * anomaly_score('fraud', amount, freq)} with the model's training feature names as plain column
 * references, so they resolve against the query's FROM clause like any column (in WHERE,
 * ORDER BY, aggregates, joins; an ambiguous name is the usual 42702). The long form keeps its
 * arguments, which must be as many as the model's features (42883 otherwise). An unknown model
 * is 42704. Plans are cached per schema version, and every model change moves it, so a cached
 * expansion never outlives its model's feature list.
 */
public final class AnomalyRewrite extends SqlShuttle {
  private final Snapshot snapshot;

  private AnomalyRewrite(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** The statement with its anomaly calls resolved against {@code root}'s snapshot. */
  public static SqlNode apply(SqlNode node, SchemaPlus root) {
    Snapshot snapshot = SnapshotSchema.of(root);
    if (snapshot == null || node == null) {
      return node;
    }
    return node.accept(new AnomalyRewrite(snapshot));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    AnomalyFunction f = AnomalyFunction.named(call.getOperator().getName());
    if (f == null || call.operandCount() == 0) {
      return super.visit(call);
    }
    SqlParserPos pos = call.getParserPosition();
    if (!(call.operand(0) instanceof SqlCharStringLiteral literal)) {
      throw new SqlStateException(SqlState.DATATYPE_MISMATCH, "the first argument of "
          + f.getName() + " must be the model's name as a string literal", null, null,
          pos.getColumnNum(), null);
    }
    String name = ModelLookup.nameOf(literal.getValueAs(String.class));
    ModelDef model = ModelLookup.require(snapshot, name);
    List<SqlNode> operands = new ArrayList<>();
    operands.add(SqlLiteral.createCharString(name, pos));
    if (call.operandCount() == 1) {
      for (String feature : model.features()) {
        operands.add(new SqlIdentifier(feature, pos));
      }
    } else {
      int given = call.operandCount() - 1;
      if (given != model.features().size()) {
        throw new SqlStateException(SqlState.UNDEFINED_FUNCTION, f.getName() + "('" + name
            + "', …) takes " + model.features().size() + " feature arguments ("
            + String.join(", ", model.features()) + "), got " + given, null,
            "Pass the features in training order, or only the model's name to use the columns"
                + " named like them.", 0, null);
      }
      for (int i = 1; i < call.operandCount(); i++) {
        SqlNode arg = call.operand(i);
        operands.add(arg == null ? null : arg.accept(this));
      }
    }
    return f.createCall(call.getFunctionQuantifier(), pos, operands.toArray(SqlNode[]::new));
  }
}
