package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.SelectListUnnest;

/**
 * The set-returning functions {@code unnest(a)} and {@code generate_subscripts(a, 1 [,
 * reverse])} in a select list. PostgreSQL runs them once per row of the FROM clause and, when
 * several appear, in lockstep; here each distinct array becomes {@code UNNEST(a) WITH
 * ORDINALITY} joined to the FROM clause (Calcite correlates it), the calls read its element and
 * position, and several arrays are joined on equal positions. Arrays of unequal length
 * therefore stop at the shorter one, where PostgreSQL would pad with nulls.
 */
final class SelectListSets {
  private static final String ALIAS = "ygg_srf";

  private SelectListSets() {}

  /** The rewritten select (the same object), or null when its select list has no such call. */
  static SqlNode rewrite(SqlSelect select) {
    if (select.getSelectList() == null) {
      return null;
    }
    List<SqlNode> arrays = new ArrayList<>();
    SqlShuttle replace = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect) {
          return call; // a subquery's own select list is rewritten when it is visited
        }
        SqlNode replaced = replacement(call, arrays);
        return replaced != null ? replaced : super.visit(call);
      }
    };
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      SqlNode rewritten = item.accept(replace);
      if (rewritten != item && item instanceof SqlCall call && isSetFunction(call)) {
        // An unlabelled call keeps PostgreSQL's column name: the function's.
        rewritten = SqlStdOperatorTable.AS.createCall(item.getParserPosition(), rewritten,
            new SqlIdentifier(displayName(call), item.getParserPosition()));
      }
      items.add(rewritten);
    }
    if (arrays.isEmpty()) {
      return null;
    }
    if (select.getGroup() != null || select.getHaving() != null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "set-returning functions in the select list of a grouped query are not supported;"
              + " group in a subquery and call unnest or generate_subscripts outside it");
    }
    SqlParserPos pos = select.getParserPosition();
    SqlNode from = select.getFrom();
    SqlNode where = select.getWhere();
    for (int i = 0; i < arrays.size(); i++) {
      SqlNode unnest = SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, arrays.get(i));
      SqlNode aliased = SqlStdOperatorTable.AS.createCall(pos, unnest,
          new SqlIdentifier(alias(i), pos), new SqlIdentifier("v", pos),
          new SqlIdentifier("n", pos));
      from = from == null ? aliased : new SqlJoin(pos, from, SqlLiteral.createBoolean(false, pos),
          JoinType.COMMA.symbol(pos), aliased, JoinConditionType.NONE.symbol(pos), null);
      if (i > 0) {
        SqlNode lockstep = SqlStdOperatorTable.EQUALS.createCall(pos, field(0, "n"),
            field(i, "n"));
        where = where == null ? lockstep : SqlStdOperatorTable.AND.createCall(pos, where,
            lockstep);
      }
    }
    select.setFrom(from);
    select.setWhere(where);
    select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
    return select;
  }

  private static SqlNode replacement(SqlCall call, List<SqlNode> arrays) {
    if (!isSetFunction(call)) {
      return null;
    }
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    SqlNode array = call.operand(0);
    int index = indexOf(arrays, array);
    if (name.equals(SelectListUnnest.NAME)) {
      if (call.operandCount() != 1) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "unnest of several arrays in a select list is not supported; call unnest once per"
                + " array");
      }
      return field(index, "v");
    }
    if (call.operandCount() < 2 || call.operandCount() > 3
        || !(call.operand(1) instanceof SqlLiteral dim)
        || !Integer.valueOf(1).equals(dim.getValueAs(Integer.class))) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "generate_subscripts supports dimension 1 only: Yggdrasil arrays have one dimension");
    }
    SqlParserPos pos = call.getParserPosition();
    if (call.operandCount() == 3) {
      // reverse: n, n - 1, … 1 when the third argument is true
      SqlNode backwards = SqlStdOperatorTable.MINUS.createCall(pos,
          SqlStdOperatorTable.PLUS.createCall(pos,
              SqlStdOperatorTable.CARDINALITY.createCall(pos, array),
              SqlLiteral.createExactNumeric("1", pos)), field(index, "n"));
      return new SqlCase(pos, null, new SqlNodeList(List.of(call.operand(2)), pos),
          new SqlNodeList(List.of(backwards), pos), field(index, "n"));
    }
    return field(index, "n");
  }

  private static boolean isSetFunction(SqlCall call) {
    if (!(call.getOperator() instanceof SqlFunction) || call.operandCount() == 0) {
      return false;
    }
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    return name.equals(SelectListUnnest.NAME) || name.equals("generate_subscripts");
  }

  private static String displayName(SqlCall call) {
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    return name.equals(SelectListUnnest.NAME) ? "unnest" : name;
  }

  private static int indexOf(List<SqlNode> arrays, SqlNode array) {
    for (int i = 0; i < arrays.size(); i++) {
      if (arrays.get(i).equalsDeep(array, Litmus.IGNORE)) {
        return i;
      }
    }
    arrays.add(array);
    return arrays.size() - 1;
  }

  private static String alias(int i) {
    return ALIAS + i;
  }

  private static SqlNode field(int i, String column) {
    return new SqlIdentifier(List.of(alias(i), column), SqlParserPos.ZERO);
  }
}
