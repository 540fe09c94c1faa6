package org.yggdrasil.planner.schema;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.planner.schema.functions.YggFunctions;

/**
 * Schema {@code ygg}: the versioning surface of DESIGN §4 as SQL functions and tables. Tables
 * read the session's database when scanned (never when planned), so cached plans stay right.
 */
public final class YggSchema extends AbstractSchema {
  private static final Multimap<String, Function> FUNCTIONS = functions();

  private static Multimap<String, Function> functions() {
    ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
    for (Method m : YggFunctions.class.getMethods()) {
      if (m.getName().startsWith("ygg_")) {
        b.put(m.getName().substring(4), ScalarFunctionImpl.create(m));
      }
    }
    return b.build();
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return FUNCTIONS;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of("branches", new BranchesTable());
  }

  /** {@code ygg.branches}: name, and whether it is the session's current branch. */
  static final class BranchesTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("name", f.createSqlType(SqlTypeName.VARCHAR))
          .add("current", f.createSqlType(SqlTypeName.BOOLEAN))
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      var versions = SessionInfo.currentVersions();
      String current = versions.currentBranch();
      List<Object[]> rows = new ArrayList<>();
      for (String name : versions.branches()) {
        rows.add(new Object[] {name, name.equals(current)});
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
