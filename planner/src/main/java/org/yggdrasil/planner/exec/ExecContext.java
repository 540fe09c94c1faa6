package org.yggdrasil.planner.exec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.planner.schema.PgTypeSystem;

/**
 * The runtime context a compiled plan reads: the root schema at the executing transaction's
 * snapshot, parameter values ({@code ?0}, {@code ?1}, … in Calcite's internal representation),
 * the cancel flag, and the clock and user for {@code now()} and {@code current_user}.
 */
public final class ExecContext implements DataContext {
  private static final JavaTypeFactory TYPE_FACTORY = new JavaTypeFactoryImpl(PgTypeSystem.INSTANCE);

  private final SchemaPlus root;
  private final Map<String, Object> variables = new HashMap<>();

  /**
   * @param root schema at the snapshot to read
   * @param markerValues canonical value of each {@code ?} marker, in marker order
   * @param markerTypes Calcite's type of each marker, by index (untyped markers pass as is)
   * @param cancel set to stop the statement
   * @param transactionStartMillis what {@code now()} returns (UTC epoch millis)
   * @param user the session user
   * @param timeZone the session's TimeZone setting
   */
  public ExecContext(SchemaPlus root, Object[] markerValues, Map<Integer, RelDataType> markerTypes,
      AtomicBoolean cancel, long transactionStartMillis, String user, String timeZone) {
    this.root = root;
    for (int i = 0; i < markerValues.length; i++) {
      RelDataType type = markerTypes.get(i);
      Object v = type == null ? markerValues[i]
          : InternalValues.toInternal(ParameterValues.coerce(markerValues[i], type),
              type.getSqlTypeName());
      variables.put("?" + i, v);
    }
    variables.put(Variable.CANCEL_FLAG.camelName, cancel);
    variables.put(Variable.UTC_TIMESTAMP.camelName, transactionStartMillis);
    variables.put(Variable.CURRENT_TIMESTAMP.camelName, transactionStartMillis);
    variables.put(Variable.LOCAL_TIMESTAMP.camelName, transactionStartMillis);
    variables.put(Variable.SYS_TIMESTAMP.camelName, transactionStartMillis);
    variables.put(Variable.TIME_ZONE.camelName,
        TimeZone.getTimeZone(org.yggdrasil.planner.schema.functions.SessionInfo.zone(timeZone)));
    variables.put(Variable.LOCALE.camelName, Locale.ROOT);
    variables.put(Variable.USER.camelName, user);
    variables.put(Variable.SYSTEM_USER.camelName, user);
    variables.put(Variable.TIME_FRAME_SET.camelName,
        org.apache.calcite.rel.type.TimeFrames.CORE);
  }

  /** Sets a variable compiled code reads (e.g. the session's thread limit). */
  public void put(String name, Object value) {
    variables.put(name, value);
  }

  /** Adds the plan's stashed objects (see {@link CompiledQuery#stash()}). */
  void putAll(Map<String, Object> stash) {
    variables.putAll(stash);
  }

  @Override
  public SchemaPlus getRootSchema() {
    return root;
  }

  /** The shared type factory of compiled plans. */
  public static JavaTypeFactory typeFactory() {
    return TYPE_FACTORY;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return TYPE_FACTORY;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    return variables.get(name);
  }

}
