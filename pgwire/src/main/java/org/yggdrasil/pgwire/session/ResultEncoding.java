package org.yggdrasil.pgwire.session;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.types.FormatSettings;
import org.yggdrasil.pgwire.types.PgType;
import org.yggdrasil.pgwire.types.PgTypes;
import org.yggdrasil.planner.session.ResultColumn;

/** Codecs and format codes for the columns of a result, as Bind's result formats request. */
final class ResultEncoding {
  private ResultEncoding() {}

  static PgType[] types(List<ResultColumn> columns, FormatSettings settings) {
    PgType[] types = new PgType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = PgTypes.forOid(columns.get(i).typeOid(), settings);
    }
    return types;
  }

  /** All text: simple Query results and Describe of a statement. */
  static short[] allText(int columns) {
    return new short[columns];
  }

  /**
   * Expands Bind's result format codes: none means all text, one applies to every column,
   * otherwise one per column (PostgreSQL's rules and messages).
   */
  static short[] resultFormats(short[] requested, List<ResultColumn> columns) {
    int n = columns.size();
    short[] formats = expand(requested, n, "result formats but query has", "columns");
    for (int i = 0; i < n; i++) {
      if (formats[i] == 1 && !PgTypes.forOid(columns.get(i).typeOid()).supportsBinary()) {
        throw new SqlStateException(
            SqlState.UNDEFINED_FUNCTION,
            "no binary output function available for type "
                + PgTypes.forOid(columns.get(i).typeOid()).typname());
      }
    }
    return formats;
  }

  /** Parameter formats: none = all text, one for all, or one per parameter. */
  static short[] parameterFormats(short[] requested, int parameters) {
    return expand(requested, parameters, "parameter formats but", "parameters");
  }

  private static short[] expand(short[] requested, int n, String middle, String noun) {
    short[] formats = new short[n];
    if (requested.length == 1) {
      java.util.Arrays.fill(formats, requested[0]);
    } else if (requested.length == n) {
      System.arraycopy(requested, 0, formats, 0, n);
    } else if (requested.length != 0) {
      throw new SqlStateException(
          SqlState.PROTOCOL_VIOLATION,
          "bind message has " + requested.length + " " + middle + " " + n + " " + noun);
    }
    for (short f : requested) {
      if (f != 0 && f != 1) {
        throw new SqlStateException(
            SqlState.INVALID_PARAMETER_VALUE, "unsupported format code: " + f);
      }
    }
    return formats;
  }
}
