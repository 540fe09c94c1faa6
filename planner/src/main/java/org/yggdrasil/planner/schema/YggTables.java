package org.yggdrasil.planner.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.planner.schema.functions.VersionControl;
import org.yggdrasil.storage.nativestore.CommitMeta;

/**
 * The tables of schema {@code ygg}: {@code branches}, {@code tags}, {@code log}, and the
 * {@code ancestors(ref)} table function. Rows come from the executing session when scanned.
 */
public final class YggTables {
  private YggTables() {}

  /** A table whose rows the executing session's {@link VersionControl} provides. */
  static final class VersionTable extends AbstractTable implements ScannableTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final Function<VersionControl, List<Object[]>> rows;

    VersionTable(Function<RelDataTypeFactory, RelDataType> rowType,
        Function<VersionControl, List<Object[]>> rows) {
      this.rowType = rowType;
      this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return rowType.apply(f);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows.apply(SessionInfo.currentVersions()));
    }
  }

  static Map<String, org.apache.calcite.schema.Table> tables() {
    return Map.of(
        "models", new org.yggdrasil.planner.model.ModelsTable(),
        "branches", new VersionTable(f -> f.builder()
            .add("name", text(f)).add("commit_id", text(f))
            .add("current", f.createSqlType(SqlTypeName.BOOLEAN)).build(),
            YggTables::branches),
        "tags", new VersionTable(f -> f.builder()
            .add("name", text(f)).add("commit_id", text(f)).build(),
            v -> v.tags().entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue()}).toList()),
        "log", new VersionTable(YggTables::logType, v -> logRows(v.log(Integer.MAX_VALUE))),
        "conflicts", new VersionTable(f -> f.builder()
            .add("table_name", text(f)).add("kind", text(f)).add("key", text(f))
            .add("base", text(f)).add("ours", text(f)).add("theirs", text(f))
            .add("detail", text(f)).build(),
            VersionControl::conflicts),
        "overlay", new VersionTable(f -> f.builder()
            .add("mode", text(f)).add("parent_branch", text(f)).add("overlay_branch", text(f))
            .add("base_commit", text(f)).add("parent_head", text(f)).build(),
            v -> v.overlay() == null ? List.of() : v.overlay().rows()),
        "systems", new VersionTable(f -> f.builder()
            .add("name", text(f)).add("type", text(f)).add("capabilities", text(f))
            .add("snapshot_id", text(f)).build(),
            v -> v.systems() == null ? List.of() : v.systems().systemRows(v.commitId())));
  }

  private static RelDataType text(RelDataTypeFactory f) {
    return f.createSqlType(SqlTypeName.VARCHAR);
  }

  static RelDataType logType(RelDataTypeFactory f) {
    return f.builder()
        .add("commit_id", text(f))
        .add("parents", f.createArrayType(text(f), -1))
        .add("branch", text(f))
        .add("hlc", text(f))
        .add("time", f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3))
        .add("message", text(f))
        .add("author", text(f))
        .build();
  }

  static List<Object[]> logRows(List<CommitMeta> commits) {
    List<Object[]> out = new ArrayList<>();
    for (CommitMeta c : commits) {
      out.add(new Object[] {c.id(), List.copyOf(c.parents()), c.branch(),
          c.hlc() == null ? null : c.hlc().toString(),
          c.time() == null ? null : org.yggdrasil.planner.schema.functions.TimestampMicros.of(c.time()), c.message(), c.author()});
    }
    return out;
  }

  private static List<Object[]> branches(VersionControl v) {
    String current = v.currentBranch();
    List<Object[]> rows = new ArrayList<>();
    for (String name : v.branches()) {
      rows.add(new Object[] {name, v.head(name), name.equals(current)});
    }
    return rows;
  }

  /** {@code ygg.diff(from, to)}: every changed row and definition between two refs. */
  public static ScannableTable diff(String from, String to) {
    return diff(from, to, null);
  }

  /** {@code ygg.diff(from, to, table)}: the changes of one table. */
  public static ScannableTable diff(String from, String to, String table) {
    return new VersionTable(f -> f.builder()
        .add("table_name", text(f)).add("kind", text(f)).add("key", text(f))
        .add("old", text(f)).add("new", text(f)).build(),
        v -> v.diff(from, to, table));
  }

  /** {@code ygg.diff_systems(from, to)}: what changed in the attached systems (see docs). */
  public static ScannableTable diffSystems(String from, String to) {
    return new VersionTable(f -> f.builder()
        .add("system", text(f)).add("kind", text(f)).add("path", text(f))
        .add("old", text(f)).add("new", text(f)).build(),
        v -> v.diffSystems(from, to));
  }

  /** {@code ygg.ancestors(ref)}: the commit ids reachable from a ref, newest first. */
  public static ScannableTable ancestors(String ref) {
    return new VersionTable(f -> f.builder().add("commit_id", text(f)).build(),
        v -> v.ancestors(ref).stream().map(id -> new Object[] {id}).toList());
  }
}
