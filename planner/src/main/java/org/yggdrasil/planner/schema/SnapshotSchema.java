package org.yggdrasil.planner.schema;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.ViewDef;
import org.yggdrasil.planner.exec.QueryCompiler;

/**
 * The {@code public} schema of one database at one snapshot. Built per statement execution, so
 * a cached plan reads whatever snapshot the executing transaction sees.
 */
public final class SnapshotSchema extends AbstractSchema {
  private final Snapshot snapshot;
  private final String positionTable;
  private final Map<String, Table> overrides;
  /** The root schema this one belongs to: views are validated and expanded against it. */
  private SchemaPlus root;
  private Map<String, Table> views;

  /**
   * @param positionTable name of the table that exposes the hidden position column (the target
   *     of an UPDATE or DELETE), or null
   * @param overrides tables that replace stored ones (e.g. the rows a RETURNING clause reads)
   */
  public SnapshotSchema(Snapshot snapshot, String positionTable, Map<String, Table> overrides) {
    this.snapshot = snapshot;
    this.positionTable = positionTable;
    this.overrides = overrides;
  }

  /** Called once the root schema holding this one is complete (views need it). */
  void attach(SchemaPlus rootSchema) {
    this.root = rootSchema;
  }

  /** The snapshot this schema shows. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The snapshot the executing statement reads, from its runtime root schema. */
  public static Snapshot live(org.apache.calcite.DataContext root) {
    return of(root.getRootSchema());
  }

  /** The snapshot a statement's root schema shows (its {@code public} schema), or null. */
  public static Snapshot of(SchemaPlus root) {
    SchemaPlus schema = root.getSubSchema("public");
    SnapshotSchema s = schema == null ? null : schema.unwrap(SnapshotSchema.class);
    return s == null ? null : s.snapshot;
  }

  /** The stored version of a table in this schema's snapshot, or null. */
  public TableVersion version(String name) {
    return snapshot.table(name);
  }

  /** The table standing in for a stored one (RETURNING rows), or null. */
  public Table override(String name) {
    return overrides.get(name);
  }

  /** The views, made once per schema so each is validated once per statement. */
  private synchronized Map<String, Table> views() {
    if (views == null) {
      if (root == null) {
        return Map.of();
      }
      Map<String, Table> m = new HashMap<>();
      for (ViewDef view : snapshot.catalog().views()) {
        m.put(view.name(), new StoredView(view, root, QueryCompiler::validatedRowType));
      }
      views = m;
    }
    return views;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new HashMap<>();
    for (TableSchema schema : snapshot.tables()) {
      TableVersion version = snapshot.table(schema.name());
      tables.put(schema.name(), new NativeTable(version, schema.name().equals(positionTable)));
    }
    tables.putAll(views());
    tables.putAll(overrides);
    return tables;
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
