package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Parsed-tree rewrites for PostgreSQL's catalog idioms, as psql and drivers write them:
 *
 * <ul>
 *   <li>Casts to the object-identifier types: {@code 'name'::regclass} is the relation's OID,
 *       {@code oid::regclass} (and {@code ::regclass::text}) its name; likewise regtype
 *       (through format_type), regnamespace and regproc (a function's name).
 *   <li>{@code '{a,b}'::text[]} is an array constructor.
 *   <li>{@code current_schemas(b)} is the search path as an array.
 * </ul>
 */
final class CatalogRewrites {
  /** Functions whose first parameter is a regclass. */
  private static final java.util.Set<String> REGCLASS_ARGUMENT = java.util.Set.of(
      "pg_relation_size", "pg_total_relation_size", "pg_table_size", "pg_partition_ancestors",
      "pg_relation_is_publishable", "pg_table_is_visible", "pg_get_viewdef");

  /** pg_catalog's int2vector and oidvector columns. */
  private static final java.util.Set<String> VECTOR_COLUMNS = java.util.Set.of("indkey",
      "indoption", "indclass", "indcollation", "proargtypes");

  /**
   * Names under which a vector column is subscripted: its own, and pgjdbc's getIndexInfo
   * alias ({@code i.indoption AS I_INDOPTION}, read as {@code I_INDOPTION[n - 1]}).
   */
  private static final java.util.Set<String> SUBSCRIPTED_VECTORS = java.util.Set.of("indkey",
      "indoption", "indclass", "indcollation", "proargtypes", "i_indoption");

  /** The 1 added to a vector's subscript; by identity, it marks a subscript already shifted. */
  private static final SqlLiteral VECTOR_BASE =
      SqlLiteral.createExactNumeric("1", SqlParserPos.ZERO);

  private CatalogRewrites() {}

  /** The rewritten call (operands not yet visited), or null when {@code call} is no idiom. */
  static SqlNode rewrite(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(1) instanceof SqlDataTypeSpec spec) {
      return cast(call.operand(0), spec, pos);
    }
    if (call.getKind() == SqlKind.ITEM && call.operand(0) instanceof SqlIdentifier vector
        && !(call.operand(1) instanceof SqlCall shifted && shifted.operandCount() == 2
            && shifted.operand(1) == VECTOR_BASE)
        && SUBSCRIPTED_VECTORS.contains(
            vector.names.get(vector.names.size() - 1).toLowerCase(Locale.ROOT))) {
      // int2vector and oidvector subscripts start at 0; the catalog keeps them as arrays,
      // whose subscripts start at 1.
      return SqlStdOperatorTable.ITEM.createCall(pos, vector,
          SqlStdOperatorTable.PLUS.createCall(pos, call.operand(1), VECTOR_BASE));
    }
    if (call instanceof org.apache.calcite.sql.SqlSelect select) {
      SqlNode expanded = ExpandArray.rewrite(select);
      SqlNode sets = SelectListSets.rewrite(select);
      return expanded != null || sets != null ? select : null;
    }
    if (call.getOperator() instanceof org.apache.calcite.sql.fun.SqlQuantifyOperator
        && call.operand(0) instanceof SqlCharStringLiteral) {
      // 'd' = ANY(chars): a CHAR(1) literal against an array of varchar, which Calcite's
      // quantifier refuses as incompatible; PostgreSQL reads the literal as the element type.
      List<SqlNode> operands = new ArrayList<>(call.getOperandList());
      operands.set(0, SqlStdOperatorTable.CAST.createCall(pos, operands.get(0),
          new SqlDataTypeSpec(new org.apache.calcite.sql.SqlBasicTypeNameSpec(
              SqlTypeName.VARCHAR, pos), pos)));
      return call.getOperator().createCall(pos, operands);
    }
    if (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.COLLECTION_TABLE) {
      SqlNode options = OptionsToTable.rewrite(call, pos);
      if (options != null) {
        return options;
      }
    }
    if (call.getKind() == SqlKind.AS && call.operandCount() >= 2) {
      SqlNode series = CorrelatedSeries.rewrite(call, pos);
      if (series != null) {
        return series;
      }
    }
    if (call.getKind() == SqlKind.AS && call.operandCount() == 2
        && call.operand(0).getKind() == SqlKind.UNNEST
        && call.operand(1) instanceof SqlIdentifier alias) {
      // FROM unnest(a) x: x names the relation and its one column, as in PostgreSQL.
      return SqlStdOperatorTable.AS.createCall(pos, call.operand(0), alias, alias);
    }
    if (call.getOperator() instanceof SqlUnresolvedFunction f) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      if (name.equals("current_schemas") && call.operandCount() == 1) {
        boolean implicit = call.operand(0) instanceof SqlLiteral lit
            && Boolean.TRUE.equals(lit.getValueAs(Boolean.class));
        return stringArray(implicit ? List.of("pg_catalog", "public") : List.of("public"), pos);
      }
      if ((name.equals("pg_get_indexdef") && call.operandCount() == 3
          || name.equals("col_description") && call.operandCount() == 2)
          && !(call.operand(1) instanceof SqlLiteral)
          && call.operand(1).getKind() != SqlKind.CAST) {
        // Column numbers arrive as attnum (smallint) or as an ordinal (integer); Calcite calls
        // a Java function without converting, so they are made integer here.
        List<SqlNode> operands = new ArrayList<>(call.getOperandList());
        operands.set(1, SqlStdOperatorTable.CAST.createCall(pos, operands.get(1),
            new SqlDataTypeSpec(new org.apache.calcite.sql.SqlBasicTypeNameSpec(
                SqlTypeName.INTEGER, pos), pos)));
        return call.getOperator().createCall(call.getFunctionQuantifier(), pos,
            operands.toArray(new SqlNode[0]));
      }
      if (REGCLASS_ARGUMENT.contains(name) && call.operandCount() >= 1
          && call.operand(0) instanceof SqlCharStringLiteral relation) {
        // A quoted name passed where PostgreSQL expects a regclass: resolved like 'x'::regclass.
        List<SqlNode> operands = new ArrayList<>(call.getOperandList());
        operands.set(0, function("ygg_pg_to_regclass", pos, relation));
        return call.getOperator().createCall(call.getFunctionQuantifier(), pos,
            operands.toArray(new SqlNode[0]));
      }
    }
    return null;
  }

  private static SqlNode cast(SqlNode operand, SqlDataTypeSpec spec, SqlParserPos pos) {
    if (spec.getTypeNameSpec() instanceof SqlCollectionTypeNameSpec collection
        && operand instanceof SqlCharStringLiteral lit) {
      return arrayLiteral(lit.getValueAs(String.class), collection, pos);
    }
    SqlIdentifier typeName = spec.getTypeNameSpec().getTypeName();
    String type = typeName.names.get(typeName.names.size() - 1).toLowerCase(Locale.ROOT);
    boolean literal = operand instanceof SqlCharStringLiteral;
    if ((type.equals("text") || type.equals("varchar")) && operand instanceof SqlIdentifier id
        && VECTOR_COLUMNS.contains(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT))) {
      // The catalog keeps int2vector/oidvector columns as arrays; as text they print as vectors.
      return function("ygg_pg_vector_text", pos, operand);
    }
    if ((type.equals("text") || type.equals("varchar") || type.equals("name"))
        && operand.getKind() == SqlKind.CAST
        && ((SqlCall) operand).operand(0) instanceof SqlCharStringLiteral name
        && ((SqlCall) operand).operand(1) instanceof SqlDataTypeSpec inner) {
      // 'name'::regclass::text is the relation's name as regclass prints it, not its OID.
      SqlIdentifier innerType = inner.getTypeNameSpec().getTypeName();
      switch (innerType.names.get(innerType.names.size() - 1).toLowerCase(Locale.ROOT)) {
        case "regclass" -> {
          return function("ygg_pg_regclass_name", pos,
              function("ygg_pg_to_regclass", pos, name));
        }
        case "regtype" -> {
          return function("format_type", pos, function("ygg_pg_to_regtype", pos, name),
              SqlLiteral.createNull(pos));
        }
        default -> {
          // other casts of literals: nothing of ours
        }
      }
    }
    if (type.equals("oid") && operand.getKind() == SqlKind.CAST
        && ((SqlCall) operand).operand(1) instanceof SqlDataTypeSpec inner
        && inner.getTypeNameSpec().getTypeName().getSimple().equalsIgnoreCase("regclass")) {
      // expr::regclass::oid (SQLAlchemy's reflection): the OID of the relation expr names.
      return function("ygg_pg_to_regclass", pos, ((SqlCall) operand).operand(0));
    }
    switch (type) {
      case "regclass" -> {
        return literal ? function("ygg_pg_to_regclass", pos, operand)
            : function("ygg_pg_regclass_name", pos, operand);
      }
      case "regtype" -> {
        return literal ? function("ygg_pg_to_regtype", pos, operand)
            : function("format_type", pos, operand, SqlLiteral.createNull(pos));
      }
      case "regnamespace" -> {
        return literal ? null : function("ygg_pg_regnamespace_name", pos, operand);
      }
      case "regproc", "regprocedure" -> {
        if (literal) {
          String text = ((SqlCharStringLiteral) operand).getValueAs(String.class);
          return SqlLiteral.createCharString(text.substring(text.lastIndexOf('.') + 1), pos);
        }
        return operand;
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code '{a,b}'::text[]}: PostgreSQL's array input syntax, one level, as a constructor. */
  private static SqlNode arrayLiteral(String text, SqlCollectionTypeNameSpec collection,
      SqlParserPos pos) {
    String body = text.strip();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      return null;
    }
    List<SqlNode> elements = new ArrayList<>();
    for (String element : ArrayText.elements(body.substring(1, body.length() - 1))) {
      SqlNode value = element == null ? SqlLiteral.createNull(pos)
          : SqlLiteral.createCharString(element, pos);
      elements.add(SqlStdOperatorTable.CAST.createCall(pos, value,
          new SqlDataTypeSpec(collection.getElementTypeName(), pos)));
    }
    if (elements.isEmpty()) {
      return null;
    }
    return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, elements);
  }

  private static SqlNode stringArray(List<String> values, SqlParserPos pos) {
    List<SqlNode> elements = new ArrayList<>();
    for (String v : values) {
      elements.add(SqlLiteral.createCharString(v, pos));
    }
    return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, elements);
  }

  static SqlCall function(String name, SqlParserPos pos, SqlNode... operands) {
    return new SqlBasicCall(new SqlUnresolvedFunction(new SqlIdentifier(name, pos), null, null,
        null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION), operands, pos);
  }

  static boolean isType(SqlNode node, SqlTypeName type) {
    return node instanceof SqlLiteral lit && lit.getTypeName() == type;
  }

  static SqlNodeList list(List<SqlNode> nodes) {
    return new SqlNodeList(nodes, SqlParserPos.ZERO);
  }
}
