package org.yggdrasil.planner.schema.functions;

import org.apache.calcite.linq4j.function.NonDeterministic;
import org.yggdrasil.planner.schema.functions.AdvisoryLockHolder.Space;

/**
 * PostgreSQL's advisory lock functions, which migration tools (Flyway, Liquibase) use to keep
 * two instances from migrating at once. The void ones return NULL.
 */
@NonDeterministic
public final class AdvisoryLockFunctions {
  private AdvisoryLockFunctions() {}

  private static AdvisoryLockHolder locks() {
    return SessionInfo.current().locks();
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  public static String pg_advisory_lock(long key) {
    locks().lock(Space.BIGINT, key, false, false);
    return null;
  }

  public static String pg_advisory_lock(int a, int b) {
    locks().lock(Space.INT_PAIR, pair(a, b), false, false);
    return null;
  }

  public static String pg_advisory_lock_shared(long key) {
    locks().lock(Space.BIGINT, key, true, false);
    return null;
  }

  public static String pg_advisory_xact_lock(long key) {
    locks().lock(Space.BIGINT, key, false, true);
    return null;
  }

  public static String pg_advisory_xact_lock(int a, int b) {
    locks().lock(Space.INT_PAIR, pair(a, b), false, true);
    return null;
  }

  public static String pg_advisory_xact_lock_shared(long key) {
    locks().lock(Space.BIGINT, key, true, true);
    return null;
  }

  public static boolean pg_try_advisory_lock(long key) {
    return locks().tryLock(Space.BIGINT, key, false, false);
  }

  public static boolean pg_try_advisory_lock(int a, int b) {
    return locks().tryLock(Space.INT_PAIR, pair(a, b), false, false);
  }

  public static boolean pg_try_advisory_lock_shared(long key) {
    return locks().tryLock(Space.BIGINT, key, true, false);
  }

  public static boolean pg_try_advisory_xact_lock(long key) {
    return locks().tryLock(Space.BIGINT, key, false, true);
  }

  public static boolean pg_try_advisory_xact_lock(int a, int b) {
    return locks().tryLock(Space.INT_PAIR, pair(a, b), false, true);
  }

  public static boolean pg_advisory_unlock(long key) {
    return locks().unlock(Space.BIGINT, key, false);
  }

  public static boolean pg_advisory_unlock(int a, int b) {
    return locks().unlock(Space.INT_PAIR, pair(a, b), false);
  }

  public static boolean pg_advisory_unlock_shared(long key) {
    return locks().unlock(Space.BIGINT, key, true);
  }

  public static String pg_advisory_unlock_all() {
    locks().unlockAll();
    return null;
  }
}
