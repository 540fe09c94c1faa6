package org.yggdrasil.planner.exec;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/** What executing a statement needs from its session. */
public interface StatementContext {

  /** The snapshot the statement reads (the transaction's view, including its own writes). */
  Snapshot readSnapshot();

  /** The transaction to write in; 25006 in a read-only transaction. */
  Transaction writeTransaction();

  /**
   * A compiled plan for {@code key}, from the session's plan cache or compiled now from the
   * node {@code parse} produces (validated against {@code root}).
   */
  CompiledQuery compile(PlanKey key, Supplier<SqlNode> parse, SchemaPlus root, String sql);

  /** A runtime context for one execution of a compiled plan. */
  ExecContext execContext(SchemaPlus root, Object[] markerValues,
      Map<Integer, RelDataType> markerTypes);

  /** The session's sequences (nextval for serial and identity columns). */
  org.yggdrasil.planner.schema.functions.SequenceAccess sequences();
}
