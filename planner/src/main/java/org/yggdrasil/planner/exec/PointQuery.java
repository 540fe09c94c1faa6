package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The short path for the most common OLTP query: {@code SELECT <columns> FROM <table> WHERE
 * <primary key> = <literal or $n>}, answered from the primary-key index without Calcite. Planning
 * costs milliseconds; this costs a hash lookup, which is what lets point selects keep up with
 * PostgreSQL. Anything else falls through to the planner.
 *
 * @param table the table name
 * @param schemaVersion the snapshot schema version this was matched against
 * @param columns indexes of the selected columns
 * @param keyColumn the primary-key column compared
 * @param parameter the 0-based {@code $n} compared to, or -1 for a literal
 * @param literal the literal's value (already cast to the key's type) when {@code parameter < 0}
 * @param resultColumns the described result columns
 */
public record PointQuery(String table, long schemaVersion, int[] columns, ColumnDef keyColumn,
    int parameter, Object literal, List<ResultColumn> resultColumns) {

  /** The short-path form of {@code sql} over {@code snapshot}, or null if it has another shape. */
  public static PointQuery match(String sql, Snapshot snapshot) {
    try {
      return parse(sql, snapshot);
    } catch (IndexOutOfBoundsException e) {
      return null;  // text that ends early: the full parser reports the error
    }
  }

  private static PointQuery parse(String sql, Snapshot snapshot) {
    List<Token> t = SqlLexer.tokenizeStatement(sql);
    if (t == null) {
      return null;
    }
    int n = t.size();
    if (n < 8 || !t.get(0).is("select")) {
      return null;
    }
    List<String> names = new ArrayList<>();
    int i = 1;
    boolean star = false;
    if (t.get(i).kind() == Token.Kind.OPERATOR && t.get(i).text().equals("*")) {
      star = true;
      i++;
    } else {
      while (true) {
        if (!isName(t.get(i))) {
          return null;
        }
        names.add(t.get(i++).identifier());
        if (t.get(i).kind() != Token.Kind.COMMA) {
          break;
        }
        i++;
      }
    }
    if (i + 6 != n || !t.get(i).is("from") || !isName(t.get(i + 1)) || !t.get(i + 2).is("where")
        || !isName(t.get(i + 3)) || !t.get(i + 4).text().equals("=")) {
      return null;
    }
    TableVersion version = snapshot.table(t.get(i + 1).identifier());
    if (version == null) {
      return null;
    }
    TableSchema schema = version.schema();
    if (schema.primaryKey().size() != 1
        || !schema.primaryKey().get(0).equals(t.get(i + 3).identifier())) {
      return null;
    }
    ColumnDef key = schema.columns().get(schema.columnIndex(schema.primaryKey().get(0)));
    Token value = t.get(i + 5);
    int parameter = -1;
    Object literal = null;
    switch (value.kind()) {
      case PARAMETER -> parameter = Integer.parseInt(value.text().substring(1)) - 1;
      case NUMBER -> literal = AssignmentCast.parse(value.text(), key.type());
      case STRING -> {
        if (value.text().startsWith("$") || value.text().startsWith("E")
            || value.text().startsWith("e")) {
          return null;
        }
        literal = AssignmentCast.parse(
            value.text().substring(1, value.text().length() - 1).replace("''", "'"), key.type());
      }
      default -> {
        return null;
      }
    }
    List<ColumnDef> cols = schema.columns();
    int[] selected;
    if (star) {
      selected = java.util.stream.IntStream.range(0, cols.size()).toArray();
    } else {
      selected = new int[names.size()];
      for (int k = 0; k < selected.length; k++) {
        selected[k] = schema.columnIndex(names.get(k));
        if (selected[k] < 0) {
          return null;  // let the planner report the unknown column
        }
      }
    }
    List<ResultColumn> described = new ArrayList<>();
    for (int c : selected) {
      ColumnDef col = cols.get(c);
      described.add(new ResultColumn(col.name(), ColumnTypes.oid(col),
          ColumnTypes.typeModifier(col), (int) version.tableOid(), (short) (c + 1)));
    }
    return new PointQuery(schema.name(), snapshot.schemaVersion(), selected, key, parameter,
        literal, List.copyOf(described));
  }

  /** The parameter OID this query infers for {@code $n}, or 0. */
  public int parameterOid() {
    return ColumnTypes.oid(keyColumn);
  }

  /** The matching row (canonical values), or none. */
  public List<Object[]> execute(Snapshot snapshot, Object[] parameters) {
    Object key = parameter < 0 ? literal
        : AssignmentCast.cast(parameters[parameter], keyColumn.type());
    TableVersion version = snapshot.table(table);
    if (key == null || version == null) {
      return List.of();
    }
    long position = version.lookupPrimaryKey(new Object[] {key});
    if (position < 0) {
      return List.of();
    }
    Object[] row = version.row(position, columns);
    return row == null ? List.of() : List.<Object[]>of(row);
  }

  private static boolean isName(Token t) {
    return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER;
  }
}
