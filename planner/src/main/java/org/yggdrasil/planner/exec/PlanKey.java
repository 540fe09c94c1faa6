package org.yggdrasil.planner.exec;

import java.util.List;

/**
 * Identifies a compiled plan: the statement text (and what role it plays), the parameter types
 * the client declared, and the schema of the snapshot it was compiled against — so a commit
 * that changes only data reuses the plan and one that changes a table's definition does not.
 *
 * @param role what the plan computes for the statement ("query", "update-source", …)
 * @param sql the statement text
 * @param declaredTypes parameter OIDs declared by the client
 * @param schema the table definitions of the snapshot (compared structurally)
 */
public record PlanKey(String role, String sql, List<Integer> declaredTypes, Object schema) {}
