package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.yggdrasil.planner.session.ResultColumn;

/**
 * A query planned and compiled once, runnable many times against different snapshots and
 * parameter values.
 *
 * @param bindable the compiled plan
 * @param markerTypes Calcite's type for each {@code ?} marker, by marker index
 * @param rowType Calcite's type of the result rows
 * @param columns the result columns as the wire protocol describes them
 * @param explain the physical plan, for EXPLAIN and debugging
 * @param stash objects the generated code reads from its context by name (interpreter nodes)
 * @param markerOids PostgreSQL type OIDs to report for markers whose Calcite type would be
 *     described differently (LIMIT and OFFSET parameters are bigint), by marker index
 * @param columnRead the query as a read of stored columns in place, when it is only that and
 *     compiled vectorized (null otherwise): for readers that need some of its rows, not all
 */
public record CompiledQuery(Bindable<Object> bindable, Map<Integer, RelDataType> markerTypes,
    RelDataType rowType, List<ResultColumn> columns, String explain,
    Map<String, Object> stash, Map<Integer, Integer> markerOids,
    org.yggdrasil.planner.vexec.ColumnReadPlan columnRead) {}
