package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.yggdrasil.planner.schema.SnapshotSchema;
import org.yggdrasil.storage.nativestore.EnumDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Casts to enum types and the enum support functions, resolved against the snapshot a statement
 * is compiled for: {@code CAST(x AS mood)} (and {@code x::mood}) checks that x is a label
 * (ygg_pg_enum_in, 22P02 otherwise); {@code enum_first}, {@code enum_last} and {@code
 * enum_range} of a value cast to an enum become its first label, last label and labels in sort
 * order.
 */
final class EnumCasts extends SqlShuttle {
  private final Snapshot snapshot;

  private EnumCasts(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  static SqlNode apply(SqlNode node, SchemaPlus root) {
    Snapshot snapshot = SnapshotSchema.of(root);
    if (snapshot == null || node == null || snapshot.catalog().enumTypes().isEmpty()) {
      return node;
    }
    return node.accept(new EnumCasts(snapshot));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
    if (call.operandCount() == 1 && (name.equals("enum_first") || name.equals("enum_last")
        || name.equals("enum_range"))) {
      EnumDef type = castTarget(call.operand(0));
      if (type != null) {
        return labels(name, type, call.getParserPosition());
      }
    }
    SqlNode visited = super.visit(call);
    if (visited instanceof SqlCall c && c.getKind() == SqlKind.CAST) {
      EnumDef type = castTarget(c);
      if (type != null) {
        SqlParserPos pos = c.getParserPosition();
        return CatalogRewrites.function("ygg_pg_enum_in", pos, c.operand(0),
            SqlLiteral.createCharString(type.name(), pos));
      }
    }
    return visited;
  }

  /** The enum type {@code node} casts to, or null. */
  private EnumDef castTarget(SqlNode node) {
    if (!(node instanceof SqlCall c) || c.getKind() != SqlKind.CAST || c.operandCount() != 2
        || !(c.operand(1) instanceof SqlDataTypeSpec spec)) {
      return null;
    }
    List<String> names = spec.getTypeNameSpec().getTypeName().names;
    if (names.size() > 2 || (names.size() == 2 && !names.get(0).equals("public"))) {
      return null;
    }
    return snapshot.catalog().enumType(names.get(names.size() - 1));
  }

  private static SqlNode labels(String function, EnumDef type, SqlParserPos pos) {
    List<EnumDef.Label> sorted = type.sorted();
    if (!function.equals("enum_range")) {
      if (sorted.isEmpty()) {
        return SqlLiteral.createNull(pos);
      }
      EnumDef.Label l = function.equals("enum_first") ? sorted.get(0) : sorted.get(sorted.size() - 1);
      return SqlLiteral.createCharString(l.label(), pos);
    }
    List<SqlNode> elements = new ArrayList<>();
    for (EnumDef.Label l : sorted) {
      elements.add(SqlStdOperatorTable.CAST.createCall(pos,
          SqlLiteral.createCharString(l.label(), pos), new SqlDataTypeSpec(
              new org.apache.calcite.sql.SqlBasicTypeNameSpec(
                  org.apache.calcite.sql.type.SqlTypeName.VARCHAR, pos), pos)));
    }
    return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, elements);
  }
}
