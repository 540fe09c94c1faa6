package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * {@code FROM generate_series(a, b) s} whose bounds read columns of an outer query (psql's
 * publication query does this): Calcite evaluates table-function arguments once, so such a series
 * becomes {@code UNNEST} of an integer array computed per outer row, which Calcite correlates.
 */
public final class CorrelatedSeries {
  private static final SqlUserDefinedFunction SERIES = new SqlUserDefinedFunction(
      new SqlIdentifier("ygg_pg_int_series", SqlParserPos.ZERO),
      ReturnTypes.explicit(f -> f.createArrayType(f.createSqlType(SqlTypeName.INTEGER), -1)),
      null, OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.INTEGER,
          org.apache.calcite.sql.type.SqlTypeFamily.INTEGER), null,
      ScalarFunctionImpl.create(CorrelatedSeries.class, "series")) {
        @Override
        public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
          return org.apache.calcite.sql.type.SqlOperandCountRanges.of(2);
        }

        @Override
        public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding,
            boolean throwOnFailure) {
          return OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.INTEGER,
              org.apache.calcite.sql.type.SqlTypeFamily.INTEGER)
              .checkOperandTypes(binding, throwOnFailure);
        }
      };

  /** The operator table entry for the array-producing function. */
  static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(SERIES);

  private CorrelatedSeries() {}

  /** {@code [a, a + 1, …, b]}; empty when a > b or either is null. Called by generated code. */
  public static List<Integer> series(Integer start, Integer stop) {
    List<Integer> out = new ArrayList<>();
    if (start == null || stop == null) {
      return out;
    }
    for (int i = start; i <= stop; i++) {
      out.add(i);
    }
    return out;
  }

  /**
   * {@code generate_series(a, b) AS s} with non-constant bounds as {@code UNNEST(…) AS s(s)},
   * or null when {@code collectionTable} is something else.
   */
  static SqlNode rewrite(SqlCall as, SqlParserPos pos) {
    SqlNode collectionTable = as.operand(0);
    if (collectionTable.getKind() != SqlKind.COLLECTION_TABLE
        || !(((SqlCall) collectionTable).operand(0) instanceof SqlCall f)
        || !f.getOperator().getName().equalsIgnoreCase("generate_series")
        || f.operandCount() != 2 || constant(f.operand(0)) && constant(f.operand(1))) {
      return null;
    }
    List<SqlNode> operands = new ArrayList<>(as.getOperandList());
    operands.set(0, SqlStdOperatorTable.UNNEST.createCall(pos,
        SERIES.createCall(pos, f.operand(0), f.operand(1))));
    if (operands.size() == 2) {
      operands.add(operands.get(1));
    }
    return SqlStdOperatorTable.AS.createCall(pos, operands);
  }

  /**
   * Whether a statement uses the rewrite: Calcite 1.42's field trimmer loses the correlation
   * of such an UNNEST (NoElementException), so those statements are planned untrimmed.
   */
  static boolean isUsedIn(SqlNode statement) {
    boolean[] found = {false};
    statement.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getOperator() == SERIES) {
          found[0] = true;
          return null;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  private static boolean constant(SqlNode node) {
    if (node instanceof SqlLiteral || node instanceof SqlDynamicParam) {
      return true;
    }
    return node instanceof SqlCall c && (c.getKind() == SqlKind.CAST
        || c.getKind() == SqlKind.MINUS_PREFIX) && constant(c.operand(0));
  }
}
