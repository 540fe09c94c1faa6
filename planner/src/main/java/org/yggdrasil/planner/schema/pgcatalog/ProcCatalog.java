package org.yggdrasil.planner.schema.pgcatalog;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yggdrasil.planner.schema.functions.CatalogFunctions;
import org.yggdrasil.planner.schema.functions.SystemFunctions;
import org.yggdrasil.planner.session.PgOid;

/**
 * pg_proc's rows: the system functions Yggdrasil implements itself, with their signatures taken
 * from the Java methods that implement them. OIDs are assigned in name order, so they are the
 * same in every session of a build.
 */
final class ProcCatalog {
  /** One function: {@code argumentTypes} and {@code returnType} are type OIDs. */
  record Proc(long oid, String name, long returnType, List<Long> argumentTypes) {}

  private static final long FIRST_OID = 9000;
  static final List<Proc> ALL = build();

  private ProcCatalog() {}

  static Proc find(long oid) {
    for (Proc p : ALL) {
      if (p.oid() == oid) {
        return p;
      }
    }
    return null;
  }

  private static List<Proc> build() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> c : List.of(SystemFunctions.class, CatalogFunctions.class)) {
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
            && !m.getName().startsWith("ygg_")) {
          methods.add(m);
        }
      }
    }
    methods.sort(Comparator.comparing(Method::getName)
        .thenComparing(m -> m.getParameterCount()).thenComparing(Method::toGenericString));
    List<Proc> out = new ArrayList<>();
    long oid = FIRST_OID;
    for (Method m : methods) {
      List<Long> args = new ArrayList<>();
      for (Class<?> p : m.getParameterTypes()) {
        args.add(typeOid(p));
      }
      out.add(new Proc(oid++, m.getName(), typeOid(m.getReturnType()), List.copyOf(args)));
    }
    return List.copyOf(out);
  }

  private static long typeOid(Class<?> c) {
    if (c == Long.class || c == long.class) {
      return PgOid.INT8;
    } else if (c == Integer.class || c == int.class) {
      return PgOid.INT4;
    } else if (c == Short.class || c == short.class) {
      return PgOid.INT2;
    } else if (c == Boolean.class || c == boolean.class) {
      return PgOid.BOOL;
    } else if (c == Double.class || c == double.class) {
      return PgOid.FLOAT8;
    } else if (c == BigDecimal.class) {
      return PgOid.NUMERIC;
    } else if (List.class.isAssignableFrom(c)) {
      return 2277; // anyarray
    }
    return PgOid.TEXT;
  }
}
