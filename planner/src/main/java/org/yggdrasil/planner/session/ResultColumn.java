package org.yggdrasil.planner.session;

/**
 * One column of a result, as a RowDescription field describes it.
 *
 * @param name column label
 * @param typeOid PostgreSQL type OID (see {@link PgOid})
 * @param typeModifier atttypmod: -1 when none; varchar(n)/bpchar(n) = n + 4; numeric(p, s) =
 *     ((p &lt;&lt; 16) | s) + 4
 * @param tableOid OID of the table the column comes from, or 0
 * @param columnNumber attnum of that column (1-based), or 0
 */
public record ResultColumn(
    String name, int typeOid, int typeModifier, int tableOid, short columnNumber) {

  public static ResultColumn computed(String name, int typeOid) {
    return new ResultColumn(name, typeOid, -1, 0, (short) 0);
  }

  /** typlen as RowDescription reports it: fixed size in bytes, or -1 for variable length. */
  public short typeSize() {
    return PgOid.typeSize(typeOid);
  }
}
