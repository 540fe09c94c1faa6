package org.yggdrasil.planner.copy;

import java.util.List;
import java.util.function.Supplier;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.CopyIn;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;

/**
 * The portal of a COPY FROM STDIN: it returns no rows; the wire side runs it through {@link
 * #copyIn()}, which begins the copy, and feeds it the client's data.
 */
public final class CopyFromPortal implements Portal {
  private final Supplier<CopyIn> start;

  public CopyFromPortal(Supplier<CopyIn> start) {
    this.start = start;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public CopyIn copyIn() {
    return start.get();
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
        "COPY FROM STDIN needs a client that speaks the COPY sub-protocol");
  }

  @Override
  public String commandTag() {
    return "";
  }

  @Override
  public void close() {}
}
