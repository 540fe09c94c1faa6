package org.yggdrasil.planner.exec;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The error a compiled plan's generated class raised while initialising, kept per plan. Calcite
 * computes a plan's constant expressions once, in the static initialiser of the class it
 * generates; when that fails ({@code 5 % 0}, {@code ln(0)}) the JVM reports the cause only the
 * first time, and every later execution of the cached or prepared plan would see "Could not
 * initialize class …" instead. Such a plan now fails with its first error every time.
 */
final class InitializerFailures {
  private static final Map<Object, SqlStateException> FAILED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private InitializerFailures() {}

  /** Throws the error {@code plan} failed with before, if any. */
  static void rethrowIfFailed(Object plan) {
    SqlStateException failure = FAILED.get(plan);
    if (failure != null) {
      throw failure;
    }
  }

  /** {@code mapped}, remembered for {@code plan} when {@code error} came from a static initialiser. */
  static SqlStateException remember(Object plan, Throwable error, SqlStateException mapped) {
    for (Throwable c = error; c != null; c = c.getCause()) {
      if (c instanceof ExceptionInInitializerError) {
        FAILED.put(plan, mapped);
        break;
      }
    }
    return mapped;
  }
}
