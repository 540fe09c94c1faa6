package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.session.ResultColumn;

/** What every prepared DML statement describes: its markers' types and its RETURNING columns. */
abstract class DescribedDml implements DmlStatement {
  private final Map<Integer, RelDataType> markerTypes;
  private final List<ResultColumn> resultColumns;

  DescribedDml(Map<Integer, RelDataType> markerTypes, List<ResultColumn> resultColumns) {
    this.markerTypes = markerTypes;
    this.resultColumns = resultColumns;
  }

  @Override
  public final Map<Integer, RelDataType> markerTypes() {
    return markerTypes;
  }

  @Override
  public final List<ResultColumn> resultColumns() {
    return resultColumns;
  }
}
