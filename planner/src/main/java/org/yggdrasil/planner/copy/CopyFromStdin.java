package org.yggdrasil.planner.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.exec.Defaults;
import org.yggdrasil.planner.exec.CheckConstraints;
import org.yggdrasil.planner.exec.StatementContext;
import org.yggdrasil.planner.session.CopyIn;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * COPY FROM STDIN: lines are cut from the incoming data ({@link LineReader}), split into fields
 * ({@link TextFields}, {@link CsvFields}), converted to the columns' values ({@link
 * ValueDecoder}), completed with the other columns' defaults and written to the transaction in
 * batches of {@link #BATCH_ROWS}. A bad row fails the whole COPY with the line in the error's
 * context; what earlier batches wrote goes with the failed transaction.
 */
public final class CopyFromStdin implements CopyIn {
  static final int BATCH_ROWS = 8192;

  private final CopyOptions options;
  private final TableSchema table;
  private final int[] targets;
  private final String[] targetNames;
  private final ValueDecoder[] decoders;
  private final boolean[] notNull;
  private final Object[] template;
  private final Transaction tx;
  private final StatementContext ctx;
  private final Snapshot snapshot;
  private final BooleanSupplier cancelled;
  private final LineReader lines;
  private final Fields fields = new Fields();
  private final TextFields text;
  private final CsvFields csv;
  private List<Object[]> batch = new ArrayList<>();
  private long[] batchLines = new long[BATCH_ROWS];
  private boolean headerPending;
  private long rows;
  private boolean over;

  /**
   * Begins the copy: resolves the table and columns, evaluates the other columns' defaults and
   * opens the write transaction.
   */
  public CopyFromStdin(StatementContext ctx, CopyCommand command, BooleanSupplier cancelled) {
    this.options = command.options();
    Snapshot snapshot = ctx.readSnapshot();
    this.ctx = ctx;
    this.snapshot = snapshot;
    CopyTarget target = CopyTarget.resolve(snapshot, command.table(), command.columns());
    this.table = target.schema();
    this.targets = target.columns();
    boolean[] forceNotNull = target.flags(options.forceNotNull(), "FORCE_NOT_NULL");
    boolean[] forceNull = target.flags(options.forceNull(), "FORCE_NULL");
    this.tx = ctx.writeTransaction();
    this.cancelled = cancelled;
    int n = table.columns().size();
    this.template = new Object[n];
    this.notNull = new boolean[n];
    boolean[] copied = new boolean[n];
    for (int c : targets) {
      copied[c] = true;
    }
    Defaults defaults = new Defaults(ctx, snapshot);
    for (int c = 0; c < n; c++) {
      ColumnDef col = table.column(c);
      notNull[c] = col.notNull();
      if (!copied[c]) {
        template[c] = defaults.valueOf(col);
      }
    }
    this.decoders = new ValueDecoder[targets.length];
    this.targetNames = new String[targets.length];
    for (int i = 0; i < targets.length; i++) {
      decoders[i] = ValueDecoder.forColumn(table.column(targets[i]));
      targetNames[i] = table.column(targets[i]).name();
    }
    this.lines = new LineReader(options);
    this.text = options.csv() ? null : new TextFields(options);
    this.csv = options.csv() ? new CsvFields(options, forceNotNull, forceNull) : null;
    this.headerPending = options.header() != CopyOptions.Header.NONE;
  }

  @Override
  public int columnCount() {
    return targets.length;
  }

  @Override
  public void data(byte[] data) {
    checkActive();
    try {
      checkCancel();
      lines.append(data);
      readLines(false);
    } catch (RuntimeException e) {
      over = true;
      throw e;
    }
  }

  @Override
  public String done() {
    checkActive();
    try {
      readLines(true);
      flush();
    } finally {
      over = true;
    }
    return "COPY " + rows;
  }

  @Override
  public RuntimeException fail(String reason) {
    over = true;
    throw new SqlStateException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + reason)
        .withWhere("COPY " + table.name() + ", line " + (lines.lineNumber() + 1));
  }

  @Override
  public void abort() {
    over = true;
  }

  private void checkActive() {
    if (over) {
      throw new SqlStateException(SqlState.INTERNAL_ERROR, "COPY is over");
    }
  }

  private void readLines(boolean eof) {
    while (true) {
      boolean got;
      try {
        got = lines.next(eof);
      } catch (SqlStateException e) {
        throw CopyErrors.atLine(e, table.name(), lines.lineNumber());
      }
      if (!got) {
        return;
      }
      row(lines.buffer(), lines.lineStart(), lines.lineEnd());
    }
  }

  private void row(byte[] b, int from, int to) {
    long line = lines.lineNumber();
    try {
      if (csv != null) {
        csv.split(b, from, to, fields);
      } else {
        text.split(b, from, to, fields);
      }
    } catch (SqlStateException e) {
      throw CopyErrors.atLine(e, table.name(), line, b, from, to);
    }
    if (headerPending) {
      headerPending = false;
      if (options.header() == CopyOptions.Header.MATCH) {
        HeaderMatch.check(fields, targetNames, options.nullText(), table.name(), line, b, from,
            to);
      }
      return;
    }
    int n = fields.count;
    if (n > targets.length) {
      throw CopyErrors.atLine(CopyErrors.badFormat("extra data after last expected column"),
          table.name(), line, b, from, to);
    }
    Object[] values = template.clone();
    boolean nullInNotNull = false;
    for (int i = 0; i < targets.length; i++) {
      if (i >= n) {
        // PostgreSQL converts the fields there are before it notices the missing one
        throw CopyErrors.atLine(CopyErrors.badFormat("missing data for column \""
            + targetNames[i] + "\""), table.name(), line, b, from, to);
      }
      int c = targets[i];
      if (fields.isNull[i]) {
        nullInNotNull |= notNull[c];
        continue;
      }
      try {
        values[c] = decoders[i].decode(fields.data[i], fields.offset[i], fields.length[i]);
      } catch (SqlStateException e) {
        if (e.state() == SqlState.CHARACTER_NOT_IN_REPERTOIRE) {
          // PostgreSQL checks the encoding of the raw data before it reads fields, and of the
          // bytes a text-format escape made when it undoes the escapes
          throw text != null && fields.data[i] != b
              ? CopyErrors.atLine(e, table.name(), line, b, from, to)
              : CopyErrors.atLine(e, table.name(), line);
        }
        throw CopyErrors.atColumn(e, table.name(), line, targetNames[i], fields.data[i],
            fields.offset[i], fields.length[i]);
      }
    }
    if (nullInNotNull) {
      // The store words the violation (and its failing row); this row is the one to blame.
      try {
        tx.insert(table.name(), List.<Object[]>of(values));
      } catch (SqlStateException e) {
        throw CopyErrors.atLine(e, table.name(), line, b, from, to);
      }
      throw new SqlStateException(SqlState.INTERNAL_ERROR, "NULL in a NOT NULL column");
    }
    batchLines[batch.size()] = line;
    batch.add(values);
    if (batch.size() >= BATCH_ROWS) {
      flush();
    }
  }

  private void checkCancel() {
    if (cancelled.getAsBoolean()) {
      throw new SqlStateException(SqlState.QUERY_CANCELED,
          "canceling statement due to user request");
    }
  }

  private void flush() {
    checkCancel();
    if (batch.isEmpty()) {
      return;
    }
    if (table.columns().stream().anyMatch(c -> c.userType() != null)) {
      for (int i = 0; i < batch.size(); i++) {
        try {
          org.yggdrasil.planner.exec.EnumColumns.verify(snapshot, table.name(),
              List.<Object[]>of(batch.get(i)));
        } catch (SqlStateException e) {
          throw CopyErrors.atLine(e, table.name(), batchLines[i]);
        }
      }
    }
    if (!table.checks().isEmpty()) {
      for (int i = 0; i < batch.size(); i++) {
        try {
          CheckConstraints.verify(ctx, snapshot, table.name(), List.<Object[]>of(batch.get(i)));
        } catch (SqlStateException e) {
          throw CopyErrors.atLine(e, table.name(), batchLines[i]);
        }
      }
    }
    try {
      tx.insert(table.name(), batch);
    } catch (SqlStateException e) {
      throw blame(e);
    }
    rows += batch.size();
    batch = new ArrayList<>(BATCH_ROWS);
  }

  /** The batch failed as a whole: find its first row that fails alone, for the context. */
  private SqlStateException blame(SqlStateException batchError) {
    for (int i = 0; i < batch.size(); i++) {
      try {
        tx.insert(table.name(), List.<Object[]>of(batch.get(i)));
      } catch (SqlStateException e) {
        return CopyErrors.atLine(e, table.name(), batchLines[i]);
      }
    }
    return batchError;
  }
}
