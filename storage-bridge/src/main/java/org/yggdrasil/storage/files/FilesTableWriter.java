package org.yggdrasil.storage.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.catalog.tables.TableWriter;

/**
 * Row writes to the files of one branch, staged in memory against the snapshot the writer
 * started at. Tables have no key: UPDATE and DELETE address the first row equal to the old row.
 * Commit rewrites each touched file (unchanged rows byte for byte) and makes one snapshot.
 */
final class FilesTableWriter implements TableWriter {
  private final FilesSystem system;
  private final FilesRepository repo;
  private final String branch;
  private final String baseId;
  private final Map<String, Staged> staged = new LinkedHashMap<>();

  /** One touched table: its file at the base snapshot and its rows as the writes leave them. */
  private record Staged(TableFile file, List<TableRow> rows) {}

  FilesTableWriter(FilesSystem system, FilesRepository repo, String branch, String baseId) {
    this.system = system;
    this.repo = repo;
    this.branch = branch;
    this.baseId = baseId;
  }

  @Override
  public void insert(String table, Object[] row) {
    Staged s = stage(table);
    s.rows().add(TableRow.fresh(coerce(s.file().spec(), row)));
  }

  @Override
  public void update(String table, Object[] oldRow, Object[] newRow) {
    Staged s = stage(table);
    int i = find(s, oldRow);
    Object[] values = coerce(s.file().spec(), newRow);
    if (!sameRow(s.rows().get(i).values(), values)) {
      s.rows().set(i, TableRow.fresh(values));
    }
  }

  @Override
  public void delete(String table, Object[] row) {
    Staged s = stage(table);
    s.rows().remove(find(s, row));
  }

  @Override
  public boolean isEmpty() {
    return staged.isEmpty();
  }

  @Override
  public Iterable<Object[]> rows(String table) {
    Staged s = staged.get(table);
    return s != null ? FilesSystem.valuesOf(s.rows()) : system.asOf(baseId).rows(table);
  }

  @Override
  public SnapshotRef commit(String message, String author) {
    if (staged.isEmpty()) {
      return repo.ref(repo.snapshot(repo.head(branch)));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    staged.values().forEach(s -> files.put(s.file().fileName(), s.file().render(s.rows())));
    SnapshotRef ref = repo.commitFiles(branch, baseId, files,
        message == null || message.isBlank() ? "write " + String.join(", ", staged.keySet()) : message,
        author);
    staged.clear();
    return ref;
  }

  @Override
  public void rollback() {
    staged.clear();
  }

  private Staged stage(String table) {
    return staged.computeIfAbsent(table, t -> {
      TableFile f = system.file(baseId, t);
      return new Staged(f, new ArrayList<>(f.rows()));
    });
  }

  private static Object[] coerce(TableSpec spec, Object[] row) {
    List<ColumnSpec> cols = spec.columns();
    if (row.length != cols.size()) {
      throw SqlStateException.of(SqlState.DATA_EXCEPTION,
          "a row of \"%s\" has %d columns, not %d", spec.name(), row.length, cols.size());
    }
    Object[] out = new Object[row.length];
    for (int c = 0; c < row.length; c++) {
      out[c] = ValueTypes.coerce(row[c], cols.get(c).pgType(), cols.get(c).name());
    }
    return out;
  }

  private static int find(Staged s, Object[] row) {
    Object[] want = coerce(s.file().spec(), row);
    for (int i = 0; i < s.rows().size(); i++) {
      if (sameRow(s.rows().get(i).values(), want)) {
        return i;
      }
    }
    throw new SqlStateException(SqlState.SERIALIZATION_FAILURE,
        "could not serialize access due to concurrent update",
        "The row of \"" + s.file().spec().name() + "\" to change no longer exists.",
        "The transaction might succeed if retried.", 0, null);
  }

  private static boolean sameRow(Object[] a, Object[] b) {
    for (int c = 0; c < a.length; c++) {
      if (!ValueTypes.same(a[c], b[c])) {
        return false;
      }
    }
    return true;
  }
}
