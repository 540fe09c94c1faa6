package org.yggdrasil.planner.copy;

import java.util.List;
import org.yggdrasil.planner.session.CopyOut;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;

/**
 * The portal of a COPY TO STDOUT: the rows of its query, which the wire side writes as CopyData
 * as {@link #copyOut()} says. It always runs to completion; the tag is {@code COPY n}.
 */
public final class CopyToPortal implements Portal {
  private final Portal query;
  private final CopyOut copyOut;
  private long rows;
  private boolean done;

  public CopyToPortal(Portal query, CopyOut copyOut) {
    this.query = query;
    this.copyOut = copyOut;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public CopyOut copyOut() {
    return copyOut;
  }

  @Override
  public boolean execute(int maxRows, RowSink sink) {
    query.execute(0, row -> {
      sink.row(row);
      rows++;
    });
    done = true;
    return true;
  }

  @Override
  public String commandTag() {
    return done ? "COPY " + rows : "";
  }

  @Override
  public void close() {
    query.close();
  }
}
