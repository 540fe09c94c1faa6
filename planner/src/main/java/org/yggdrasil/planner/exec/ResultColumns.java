package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.validate.SqlValidator;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * Describes a query's result columns as PostgreSQL does: the column label PostgreSQL would
 * choose ({@code count}, {@code ?column?}, the alias), the type OID and modifier, and for
 * columns read straight from a table, that table's OID and the column's number.
 */
final class ResultColumns {
  private ResultColumns() {}

  static List<ResultColumn> describe(SqlValidator validator, SqlNode validated,
      RelDataType rowType, SchemaPlus root) {
    List<String> labels = labels(validated, rowType);
    List<Boolean> casts = casts(validated, rowType);
    List<List<String>> origins;
    try {
      origins = validator.getFieldOrigins(validated);
    } catch (RuntimeException e) {
      origins = List.of();
    }
    List<ResultColumn> columns = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataType type = fields.get(i).getType();
      String label = i < labels.size() ? labels.get(i) : fields.get(i).getName();
      List<String> origin = i < origins.size() ? origins.get(i) : null;
      ResultColumn col = column(label, type, origin, root);
      if (col.tableOid() == 0 && i < casts.size() && casts.get(i)) {
        col = new ResultColumn(label, col.typeOid(), castModifier(type), 0, (short) 0);
      }
      columns.add(col);
    }
    return columns;
  }

  private static ResultColumn column(String label, RelDataType type, List<String> origin,
      SchemaPlus root) {
    if (origin != null && origin.size() >= 2) {
      String tableName = origin.get(origin.size() - 2);
      String columnName = origin.get(origin.size() - 1);
      SchemaPlus schema = root.getSubSchema("public");
      Table table = schema == null ? null : schema.tables().get(tableName);
      if (table instanceof NativeTable nt) {
        TableVersion version = nt.version();
        List<ColumnDef> cols = version.schema().columns();
        for (int c = 0; c < cols.size(); c++) {
          ColumnDef col = cols.get(c);
          if (col.name().equals(columnName)
              && ColumnTypes.oid(col.type()) == refine(ColumnTypes.oid(type), col)) {
            return new ResultColumn(label, ColumnTypes.oid(col),
                ColumnTypes.typeModifier(col), (int) version.tableOid(), (short) (c + 1));
          }
        }
      }
    }
    return ResultColumn.computed(label, ColumnTypes.oid(type));
  }

  /** Calcite cannot tell text from varchar from bpchar; the stored column can. */
  private static int refine(int computedOid, ColumnDef col) {
    return switch (col.type()) {
      case TEXT, VARCHAR, BPCHAR -> computedOid == org.yggdrasil.planner.session.PgOid.TEXT
          ? ColumnTypes.oid(col.type()) : computedOid;
      default -> computedOid;
    };
  }

  /** For each output column, whether its select item is an explicit cast. */
  private static List<Boolean> casts(SqlNode node, RelDataType rowType) {
    SqlSelect select = leftmostSelect(node);
    List<Boolean> out = new ArrayList<>();
    if (select == null || select.getSelectList() == null
        || select.getSelectList().size() != rowType.getFieldCount()) {
      return out;
    }
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
        item = as.operand(0);
      }
      if (item instanceof SqlCall call && call.operandCount() == 1
          && call.getOperator().getName().equalsIgnoreCase("ANY_VALUE")) {
        item = call.operand(0);
      }
      out.add(item.getKind() == SqlKind.CAST);
    }
    return out;
  }

  /** The type modifier an explicit cast gives: numeric(p, s) and varchar(n) keep theirs. */
  private static int castModifier(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case DECIMAL -> type.getPrecision()
          == org.yggdrasil.planner.schema.PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION
          ? -1 : ((type.getPrecision() << 16) | type.getScale()) + 4;
      case VARCHAR -> type.getPrecision() > 0 && type.getPrecision() < 65536
          ? type.getPrecision() + 4 : -1;
      default -> -1;
    };
  }

  /** PostgreSQL's column labels for the select list of {@code node}. */
  private static List<String> labels(SqlNode node, RelDataType rowType) {
    SqlSelect select = leftmostSelect(node);
    List<String> out = new ArrayList<>();
    if (select == null || select.getSelectList() == null
        || select.getSelectList().size() != rowType.getFieldCount()) {
      for (RelDataTypeField f : rowType.getFieldList()) {
        out.add(f.getName().startsWith("EXPR$") ? "?column?" : f.getName());
      }
      return out;
    }
    for (SqlNode item : select.getSelectList()) {
      out.add(label(item));
    }
    return out;
  }

  private static SqlSelect leftmostSelect(SqlNode node) {
    while (true) {
      if (node instanceof SqlSelect s) {
        return s;
      } else if (node instanceof SqlOrderBy o) {
        node = o.query;
      } else if (node instanceof SqlWith w) {
        node = w.body;
      } else if (node instanceof SqlBasicCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
        node = call.operand(0);
      } else {
        return null;
      }
    }
  }

  static String label(SqlNode item) {
    if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      SqlNode alias = call.operand(1);
      return alias instanceof SqlIdentifier id ? id.getSimple() : alias.toString();
    }
    if (item instanceof SqlIdentifier id) {
      return id.isStar() ? "?column?" : id.names.get(id.names.size() - 1);
    }
    if (item instanceof SqlCall call
        && call.getOperator().getName().equalsIgnoreCase("ANY_VALUE") && call.operandCount() == 1) {
      // The validator wraps constants of grouped queries in ANY_VALUE; PostgreSQL names them
      // after the expression itself.
      return label(call.operand(0));
    }
    if (item instanceof SqlCall call) {
      switch (call.getKind()) {
        case CAST -> {
          SqlNode inner = call.operand(0);
          if (inner instanceof SqlCall ic && ic.getOperator().getName().equalsIgnoreCase("CURRENT_TIMESTAMP")) {
            return "now";  // now() and friends are rewritten to CAST(CURRENT_TIMESTAMP ...)
          }
          String innerLabel = label(inner);
          if (!innerLabel.equals("?column?")) {
            return innerLabel;
          }
          SqlNode typeNode = call.operand(1);
          if (typeNode instanceof SqlDataTypeSpec spec) {
            return pgTypeLabel(spec.getTypeName().getSimple());
          }
          return "?column?";
        }
        case CASE -> {
          return "case";
        }
        case ITEM -> {
          return label(call.operand(0)); // a[i] is labelled like a, as in PostgreSQL
        }
        case FILTER -> {
          return label(call.operand(0)); // count(*) FILTER (WHERE …) is labelled count
        }
        case OTHER_FUNCTION, COUNT, SUM, SUM0, MIN, MAX, AVG, COALESCE, NULLIF, ROW_NUMBER, RANK,
            DENSE_RANK, STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP, TRIM, POSITION, EXTRACT,
            FLOOR, CEIL, GREATEST, LEAST, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTILE, CUME_DIST,
            PERCENT_RANK, ARRAY_AGG, STRING_AGG, OVER -> {
          SqlCall named = call.getKind() == SqlKind.OVER ? (SqlCall) call.operand(0) : call;
          String name = named.getOperator().getName().toLowerCase(Locale.ROOT);
          if (name.equals("ygg_pg_enum_in")) {
            // x::mood is labelled like the cast: after x, else after the type.
            String inner = label(named.operand(0));
            return inner.equals("?column?")
                && named.operand(1) instanceof org.apache.calcite.sql.SqlLiteral type
                ? type.getValueAs(String.class) : inner;
          }
          if (name.equals("ygg_pg_regclass_name") || name.equals("ygg_pg_regnamespace_name")
              || name.equals("ygg_pg_to_regclass") || name.equals("ygg_pg_vector_text")) {
            // x::regclass (rewritten to these functions) is labelled like the cast: after x.
            String inner = label(named.operand(0));
            return inner.equals("?column?") ? "regclass" : inner;
          }
          if (name.startsWith("ygg_pg_")) {
            return name.substring(7);
          }
          if (name.equals("$sum0")) {
            return "sum";
          }
          return name;
        }
        default -> {
          if (call.getOperator() instanceof org.apache.calcite.sql.SqlFunction f) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            return name.startsWith("ygg_pg_") ? name.substring(7) : name;
          }
          if (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
            return "array";
          }
          if (call.getKind() == SqlKind.SCALAR_QUERY || call.getKind() == SqlKind.EXISTS) {
            return call.getKind() == SqlKind.EXISTS ? "exists" : "?column?";
          }
          return "?column?";
        }
      }
    }
    if (item instanceof SqlNodeList) {
      return "?column?";
    }
    return "?column?";
  }

  private static String pgTypeLabel(String calciteName) {
    return switch (calciteName.toUpperCase(Locale.ROOT)) {
      case "INTEGER", "INT4", "INT" -> "int4";
      case "BIGINT", "INT8" -> "int8";
      case "SMALLINT", "INT2" -> "int2";
      case "VARCHAR", "TEXT" -> calciteName.equalsIgnoreCase("text") ? "text" : "varchar";
      case "DOUBLE", "FLOAT8" -> "float8";
      case "REAL", "FLOAT4" -> "float4";
      case "DECIMAL", "NUMERIC" -> "numeric";
      case "BOOLEAN", "BOOL" -> "bool";
      case "DATE" -> "date";
      case "TIMESTAMP" -> "timestamp";
      case "TIMESTAMPTZ" -> "timestamptz";
      case "CHAR", "BPCHAR" -> "bpchar";
      default -> calciteName.toLowerCase(Locale.ROOT);
    };
  }
}
