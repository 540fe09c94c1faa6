package org.yggdrasil.pgwire.session;

import java.util.List;
import org.yggdrasil.pgwire.types.FormatSettings;
import org.yggdrasil.pgwire.types.PgType;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.ResultColumn;

/**
 * A portal as the wire sees it: the engine's {@link Portal} plus how its rows are encoded (one
 * codec and one format code per column, from Bind). An empty statement has no engine portal:
 * executing it answers EmptyQueryResponse.
 */
final class BoundPortal implements AutoCloseable {
  private final Portal portal;
  private final List<ResultColumn> columns;
  private final PgType[] types;
  private final short[] formats;
  private final FormatSettings settings;
  private CostHistory.Stats stats;

  private BoundPortal(Portal portal, List<ResultColumn> columns, PgType[] types, short[] formats,
      FormatSettings settings) {
    this.portal = portal;
    this.columns = columns;
    this.types = types;
    this.formats = formats;
    this.settings = settings;
  }

  /**
   * Wraps an engine portal with Bind's result format codes (empty: all text). If the codes do
   * not fit the portal's columns, the portal is closed and the error thrown.
   */
  static BoundPortal of(Portal portal, short[] requestedFormats, FormatSettings settings) {
    try {
      List<ResultColumn> columns = portal.resultColumns();
      short[] formats = ResultEncoding.resultFormats(requestedFormats, columns);
      return new BoundPortal(portal, columns, ResultEncoding.types(columns, settings), formats,
          settings);
    } catch (RuntimeException e) {
      Closer.quietly(portal);
      throw e;
    }
  }

  static BoundPortal empty() {
    return new BoundPortal(null, List.of(), new PgType[0], new short[0], FormatSettings.DEFAULT);
  }

  boolean isEmpty() {
    return portal == null;
  }

  Portal portal() {
    return portal;
  }

  List<ResultColumn> columns() {
    return columns;
  }

  RowWriter rowWriter(WireOutput out) {
    return new RowWriter(out, types, formats);
  }

  /** The cost record of the prepared statement this portal was bound from, or null. */
  CostHistory.Stats stats() {
    return stats;
  }

  void stats(CostHistory.Stats stats) {
    this.stats = stats;
  }

  /** How values are formatted (for COPY TO, whose columns are not the portal's). */
  FormatSettings settings() {
    return settings;
  }

  short[] formats() {
    return formats;
  }

  @Override
  public void close() {
    Closer.quietly(portal);
  }
}
