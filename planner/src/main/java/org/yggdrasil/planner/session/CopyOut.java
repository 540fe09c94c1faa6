package org.yggdrasil.planner.session;

import java.util.List;
import org.yggdrasil.planner.copy.CopyOptions;

/**
 * What the wire side needs to turn a COPY TO STDOUT portal's rows into CopyData: the columns
 * (names for HEADER, types for the text form of each value) and the format options. The rows
 * themselves come from {@link Portal#execute} as usual; its tag is {@code COPY n}.
 */
public record CopyOut(List<ResultColumn> columns, CopyOptions options) {}
