package org.yggdrasil.pgwire.server;

import java.lang.reflect.InvocationTargetException;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.session.SqlEngine;

/**
 * Creates the planner's engine. The engine class ({@code
 * org.yggdrasil.planner.engine.YggEngine}) is being written alongside this module, so it is
 * found by reflection for now, with a clear error when it is missing; once it exists this
 * becomes {@code new YggEngine(options)}.
 */
final class EngineLoader {
  static final String ENGINE_CLASS = "org.yggdrasil.planner.engine.YggEngine";

  private EngineLoader() {}

  static SqlEngine load(EngineOptions options) {
    Class<?> type;
    try {
      type = Class.forName(ENGINE_CLASS);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the SQL engine (" + ENGINE_CLASS + ") is not on the class path of this build", e);
    }
    try {
      Object engine = type.getConstructor(EngineOptions.class).newInstance(options);
      return (SqlEngine) engine;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the SQL engine failed to start: " + cause, cause);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          ENGINE_CLASS + " must be a SqlEngine with a public (EngineOptions) constructor", e);
    }
  }
}
