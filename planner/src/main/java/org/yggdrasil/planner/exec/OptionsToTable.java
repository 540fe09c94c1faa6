package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * {@code FROM pg_options_to_table(options)}: PostgreSQL's table of {@code (option_name,
 * option_value)} from a {@code {key=value,…}} array such as pg_foreign_server.srvoptions. psql
 * calls it on a column of the outer query (\d of a foreign table, \des+), which Calcite's table
 * functions cannot correlate, so it becomes the {@code UNNEST} of an array of
 * (option_name, option_value) rows computed per outer row, planned untrimmed like {@link CorrelatedSeries}.
 */
public final class OptionsToTable {
  private static final String FUNCTION = "pg_options_to_table";
  /** {@code options} as an array of (option_name, option_value) rows. */
  private static final SqlUserDefinedFunction PAIRS = new SqlUserDefinedFunction(
      new SqlIdentifier("ygg_pg_options_pairs", SqlParserPos.ZERO),
      ReturnTypes.explicit(f -> f.createArrayType(f.createStructType(
          List.of(f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true),
              f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true)),
          List.of("option_name", "option_value")), -1)),
      null, OperandTypes.ANY, null, ScalarFunctionImpl.create(OptionsToTable.class, "pairs")) {
        // One operand of any type (an array column, an array literal or NULL); Calcite's
        // user-defined functions otherwise ask their parameter list, which this has not.
        @Override
        public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
          return org.apache.calcite.sql.type.SqlOperandCountRanges.of(1);
        }

        @Override
        public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding,
            boolean throwOnFailure) {
          return true;
        }
      };

  /** The operator table entries of the two array functions. */
  static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(PAIRS);

  private OptionsToTable() {}

  /**
   * The {@code key=value} options as (name, value) rows, in order; an option without {@code =}
   * has a null value. Called by generated code.
   */
  public static List<Object[]> pairs(Object options) {
    List<Object[]> out = new ArrayList<>();
    if (options instanceof List<?> list) {
      for (Object o : list) {
        String option = String.valueOf(o);
        int eq = option.indexOf('=');
        out.add(eq < 0 ? new Object[] {option, null}
            : new Object[] {option.substring(0, eq), option.substring(eq + 1)});
      }
    }
    return out;
  }

  /**
   * {@code pg_options_to_table(x) [AS a]} in a FROM clause as the UNNEST of its rows,
   * or null when {@code call} is something else. {@code call} is the COLLECTION_TABLE or the AS
   * around it.
   */
  static SqlNode rewrite(SqlCall call, SqlParserPos pos) {
    boolean aliased = call.getKind() == SqlKind.AS;
    SqlNode table = aliased ? call.operand(0) : call;
    if (table.getKind() != SqlKind.COLLECTION_TABLE
        || !(((SqlCall) table).operand(0) instanceof SqlCall f)
        || !f.getOperator().getName().equalsIgnoreCase(FUNCTION) || f.operandCount() != 1) {
      return null;
    }
    SqlNode options = f.operand(0);
    SqlNode alias = aliased ? call.operand(1) : new SqlIdentifier(FUNCTION, pos);
    return SqlStdOperatorTable.AS.createCall(pos,
        SqlStdOperatorTable.UNNEST.createCall(pos, PAIRS.createCall(pos, options)),
        alias, new SqlIdentifier("option_name", pos), new SqlIdentifier("option_value", pos));
  }

  /** Whether a statement uses the rewrite (then it is planned untrimmed, see CorrelatedSeries). */
  static boolean isUsedIn(SqlNode statement) {
    boolean[] found = {false};
    statement.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getOperator() == PAIRS) {
          found[0] = true;
          return null;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }
}
