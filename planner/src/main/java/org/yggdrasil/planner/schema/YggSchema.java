package org.yggdrasil.planner.schema;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.lang.reflect.Method;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
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
    try {
      b.put("ancestors", org.apache.calcite.schema.impl.TableFunctionImpl.create(
          YggTables.class.getMethod("ancestors", String.class)));
      b.put("diff", org.apache.calcite.schema.impl.TableFunctionImpl.create(
          YggTables.class.getMethod("diff", String.class, String.class)));
      b.put("diff_systems", org.apache.calcite.schema.impl.TableFunctionImpl.create(
          YggTables.class.getMethod("diffSystems", String.class, String.class)));
      b.put("diff", org.apache.calcite.schema.impl.TableFunctionImpl.create(
          YggTables.class.getMethod("diff", String.class, String.class, String.class)));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    return b.build();
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return FUNCTIONS;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return YggTables.tables();
  }
}
