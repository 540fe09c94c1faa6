package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites of the parsed tree that make PostgreSQL idioms mean in Calcite what they mean in
 * PostgreSQL. Today: a single-column set-returning function in FROM with a table alias, as in
 * {@code FROM generate_series(1, 10) g}, names its column after the alias, so {@code g} can be
 * used as a column.
 */
public final class PgRewrites extends SqlShuttle {
  private static final PgRewrites INSTANCE = new PgRewrites();

  private PgRewrites() {}

  public static SqlNode apply(SqlNode node) {
    return node.accept(INSTANCE);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.AS && call.operandCount() == 2
        && call.operand(0).getKind() == SqlKind.COLLECTION_TABLE
        && call.operand(1) instanceof SqlIdentifier alias
        && isSingleColumnFunction(call.operand(0))) {
      SqlNode function = call.operand(0).accept(this);
      return SqlStdOperatorTable.AS.createCall(call.getParserPosition(),
          List.of(function, alias, alias));
    }
    return super.visit(call);
  }

  private static boolean isSingleColumnFunction(SqlCall collectionTable) {
    SqlNode inner = collectionTable.operand(0);
    return inner instanceof SqlCall f
        && f.getOperator().getName().equalsIgnoreCase("generate_series");
  }
}
