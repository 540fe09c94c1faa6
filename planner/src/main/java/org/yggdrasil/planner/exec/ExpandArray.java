package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * {@code information_schema._pg_expandarray(a)} in a select list (pgjdbc's getPrimaryKeys,
 * getIndexInfo, getBestRowIdentifier): a set-returning function of composites {@code (x, n)},
 * one row per element with its 1-based position. PostgreSQL runs it per row of the FROM
 * clause; here the FROM clause is joined with {@code UNNEST(a) WITH ORDINALITY}, {@code
 * (_pg_expandarray(a)).n} reads the position, and the bare call is a {@code ROW(x, n)}.
 */
final class ExpandArray {
  private static final String ALIAS = "ygg_expanded";

  private ExpandArray() {}

  /** The rewritten select, or null when it calls no _pg_expandarray. */
  static SqlNode rewrite(SqlSelect select) {
    SqlNode[] array = {null};
    if (select.getSelectList() == null || select.getFrom() == null) {
      return null;
    }
    SqlShuttle replace = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.DOT && isExpand(call.operand(0))) {
          array[0] = ((SqlCall) call.operand(0)).operand(0);
          return field(((SqlIdentifier) call.operand(1)).getSimple());
        }
        if (isExpand(call)) {
          array[0] = call.operand(0);
          SqlParserPos pos = call.getParserPosition();
          SqlNode row = SqlStdOperatorTable.ROW.createCall(pos, field("x"), field("n"));
          List<SqlIdentifier> names = List.of(new SqlIdentifier("x", pos),
              new SqlIdentifier("n", pos));
          List<SqlDataTypeSpec> types = List.of(integer(pos), integer(pos));
          return SqlStdOperatorTable.CAST.createCall(pos, row,
              new SqlDataTypeSpec(new SqlRowTypeNameSpec(pos, names, types), pos));
        }
        return super.visit(call);
      }
    };
    SqlNodeList items = (SqlNodeList) select.getSelectList().accept(replace);
    if (array[0] == null) {
      return null;
    }
    SqlParserPos pos = select.getParserPosition();
    SqlNode unnest = SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array[0]);
    SqlNode aliased = SqlStdOperatorTable.AS.createCall(pos, unnest,
        new SqlIdentifier(ALIAS, pos), new SqlIdentifier("x", pos), new SqlIdentifier("n", pos));
    select.setFrom(new SqlJoin(pos, select.getFrom(), SqlLiteral.createBoolean(false, pos),
        JoinType.COMMA.symbol(pos), aliased, JoinConditionType.NONE.symbol(pos), null));
    select.setSelectList(items);
    return select;
  }

  private static boolean isExpand(SqlNode node) {
    return node instanceof SqlCall c && c.operandCount() == 1
        && c.getOperator().getName().equalsIgnoreCase("_pg_expandarray");
  }

  private static SqlNode field(String name) {
    return new SqlIdentifier(List.of(ALIAS, name), SqlParserPos.ZERO);
  }

  private static SqlDataTypeSpec integer(SqlParserPos pos) {
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, pos), pos);
  }

  static List<SqlNode> none() {
    return new ArrayList<>();
  }
}
