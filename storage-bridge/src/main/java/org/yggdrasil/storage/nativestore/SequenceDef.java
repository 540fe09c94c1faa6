package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.Objects;

/**
 * A sequence (CREATE SEQUENCE, or owned by a serial / identity column). The definition is
 * versioned like every catalog object; its values are not: they come from two database-wide
 * counters named after {@code counter} (see {@link NativeDatabase#nextval}), shared by all
 * branches, so rows made on different branches never get the same value.
 *
 * @param type the value type's name: {@code smallint}, {@code integer} or {@code bigint}
 * @param counter the unique name of this sequence's counters (a recreated sequence starts over)
 * @param ownedByTable the table whose column owns it (dropped with the table), or null
 * @param oid its object id (pg_class.oid), from the database's oid counter
 */
public record SequenceDef(String name, String type, long start, long increment, long min, long max,
    String counter, String ownedByTable, String ownedByColumn, long oid) {
  public static final String KIND = "sequence";

  public SequenceDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(counter, "counter");
  }

  /** The DEFAULT expression of a column that takes its values from this sequence. */
  public String nextvalSql() {
    return "nextval('" + name.replace("'", "''") + "'::regclass)";
  }

  public SequenceDef withOwner(String table, String column) {
    return new SequenceDef(name, type, start, increment, min, max, counter, table, column, oid);
  }

  public SequenceDef withName(String newName) {
    return new SequenceDef(newName, type, start, increment, min, max, counter, ownedByTable, ownedByColumn,
        oid);
  }

  public CatalogEntry toEntry() {
    return new CatalogEntry(KIND, name, List.of(type, Long.toString(start), Long.toString(increment),
        Long.toString(min), Long.toString(max), counter, ownedByTable == null ? "" : ownedByTable,
        ownedByColumn == null ? "" : ownedByColumn, Long.toString(oid)));
  }

  static SequenceDef of(CatalogEntry e) {
    List<String> f = e.fields();
    return new SequenceDef(e.name(), f.get(0), Long.parseLong(f.get(1)), Long.parseLong(f.get(2)),
        Long.parseLong(f.get(3)), Long.parseLong(f.get(4)), f.get(5),
        f.get(6).isEmpty() ? null : f.get(6), f.get(7).isEmpty() ? null : f.get(7),
        Long.parseLong(f.get(8)));
  }
}
