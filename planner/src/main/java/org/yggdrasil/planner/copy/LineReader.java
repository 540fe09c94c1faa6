package org.yggdrasil.planner.copy;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Cuts the COPY data stream into lines as PostgreSQL's {@code CopyReadLineText} does. The data
 * arrives in pieces split anywhere; a line is returned only once it is complete, so at most one
 * partial line is kept between pieces. The newline style is fixed by the first line
 * ({@code \n}, {@code \r} or {@code \r\n}); a different one later is an error. In text format a
 * backslash escapes the next byte (so {@code \<newline>} is data) and {@code \.} ends the data;
 * in CSV format newlines inside quotes are data and {@code \.} ends the data only alone on a
 * line.
 */
final class LineReader {
  private enum Eol { UNKNOWN, NL, CR, CRNL }

  private final boolean csv;
  private final byte quote;
  private final byte escape;
  private byte[] buf = new byte[64 * 1024];
  private int start;
  private int end;
  private Eol eol = Eol.UNKNOWN;
  private boolean finished;
  /** Where the scan of the incomplete line stopped, relative to {@link #start}, and its state. */
  private int resume;
  private boolean resumeInQuote;
  private int resumeEmbedded;
  private int embedded;

  private int lineStart;
  private int lineEnd;
  private long lineNumber;

  LineReader(CopyOptions options) {
    this.csv = options.csv();
    this.quote = options.quote();
    this.escape = options.escape();
  }

  /** Adds a piece of the data. */
  void append(byte[] data) {
    if (finished) {
      return; // after \. PostgreSQL ignores the rest of the stream
    }
    int live = end - start;
    if (buf.length - end < data.length) {
      // Only the unfinished line is live: move it to the front, growing for a long line.
      byte[] target = live + data.length <= buf.length ? buf
          : new byte[Math.max(buf.length * 2, live + data.length)];
      System.arraycopy(buf, start, target, 0, live);
      buf = target;
      end = live;
      start = 0;
    }
    System.arraycopy(data, 0, buf, end, data.length);
    end += data.length;
  }

  /** The buffer holding the current line, valid until the next {@link #append}. */
  byte[] buffer() {
    return buf;
  }

  int lineStart() {
    return lineStart;
  }

  int lineEnd() {
    return lineEnd;
  }

  /** The 1-based number of the current line (or of the line being read, for its errors). */
  long lineNumber() {
    return lineNumber;
  }

  /** True once the end marker {@code \.} was read: the data is over. */
  boolean finished() {
    return finished;
  }

  /**
   * Advances to the next complete line.
   *
   * @param eof no more data will come: a last line without newline is complete
   * @return false when no complete line is buffered (or the data has ended)
   */
  boolean next(boolean eof) {
    if (finished) {
      return false;
    }
    if (start == end) {
      return false;
    }
    int i = start + resume;
    boolean inQuote = resumeInQuote;
    boolean firstChar = resume == 0;
    embedded = resumeEmbedded;
    byte[] b = buf;
    while (i < end) {
      if (!csv) {
        // the common case: skip ordinary bytes quickly
        while (i < end && b[i] != '\n' && b[i] != '\r' && b[i] != '\\') {
          i++;
        }
        if (i >= end) {
          break;
        }
      }
      byte c = b[i];
      if (csv) {
        if (inQuote) {
          if (c == escape && escape != quote) {
            if (i + 1 >= end && !eof) {
              return incomplete(i, true);
            }
            if (i + 1 < end && (b[i + 1] == quote || b[i + 1] == escape)) {
              i += 2;
              continue;
            }
          }
          if (c == quote) {
            inQuote = false;
          } else if (c == (eol == Eol.NL ? '\n' : '\r')) {
            embedded++; // PostgreSQL counts the physical lines of a quoted field
          }
          i++;
          firstChar = false;
          continue;
        }
        if (c == quote) {
          inQuote = true;
          i++;
          firstChar = false;
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        int after = endOfLine(i, eof);
        if (after < 0) {
          return incomplete(i, inQuote);
        }
        return line(i, after);
      }
      if (c == '\\' && (!csv || firstChar)) {
        if (i + 1 >= end) {
          if (!eof) {
            return incomplete(i, inQuote);
          }
          i++;
          continue;
        }
        if (b[i + 1] == '.') {
          int after = endMarker(i + 2, eof);
          if (after == -1) {
            return incomplete(i, inQuote);
          }
          if (after >= 0) {
            finished = true;
            lineNumber += 1 + embedded;
            lineStart = start;
            lineEnd = i;
            start = end;
            resume = 0;
            return i > lineStart;
          }
          // CSV: not an end marker after all, just data
        } else if (!csv) {
          i += 2;
          firstChar = false;
          continue;
        }
      }
      i++;
      firstChar = false;
    }
    if (!eof) {
      return incomplete(i, inQuote);
    }
    return line(end, end);
  }

  private boolean incomplete(int at, boolean inQuote) {
    resume = at - start;
    resumeInQuote = inQuote;
    resumeEmbedded = embedded;
    return false;
  }

  private boolean line(int lineEndAt, int next) {
    lineNumber += 1 + embedded;
    resumeEmbedded = 0;
    lineStart = start;
    lineEnd = lineEndAt;
    start = next;
    resume = 0;
    resumeInQuote = false;
    return true;
  }

  /**
   * Checks the newline at {@code i} against the style so far; returns where the next line
   * starts, or -1 when the byte after a {@code \r} is still to come.
   */
  private int endOfLine(int i, boolean eof) {
    if (buf[i] == '\r') {
      if (eol == Eol.NL) {
        throw badNewline(true);
      }
      if (eol == Eol.UNKNOWN || eol == Eol.CRNL) {
        if (i + 1 >= end && !eof) {
          return -1;
        }
        if (i + 1 < end && buf[i + 1] == '\n') {
          eol = Eol.CRNL;
          return i + 2;
        }
        if (eol == Eol.CRNL) {
          throw badNewline(true);
        }
        eol = Eol.CR;
      }
      return i + 1;
    }
    if (eol == Eol.CR || eol == Eol.CRNL) {
      throw badNewline(false);
    }
    eol = Eol.NL;
    return i + 1;
  }

  /**
   * After {@code \.} at {@code i}: returns where the data ends (the marker is valid), -1 when
   * more bytes are needed, -2 when (in CSV) it is data after all.
   */
  private int endMarker(int i, boolean eof) {
    if (eol == Eol.CRNL) {
      if (i >= end && !eof) {
        return -1;
      }
      byte c = i < end ? buf[i++] : 0;
      if (c == '\n') {
        return markerError("end-of-copy marker does not match previous newline style");
      }
      if (c != '\r') {
        return markerError("end-of-copy marker corrupt");
      }
    }
    if (i >= end && !eof) {
      return -1;
    }
    byte c = i < end ? buf[i++] : 0;
    if (c != '\r' && c != '\n') {
      return markerError("end-of-copy marker corrupt");
    }
    if ((eol == Eol.NL && c != '\n') || (eol == Eol.CRNL && c != '\n')
        || (eol == Eol.CR && c != '\r')) {
      throw new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT,
          "end-of-copy marker does not match previous newline style");
    }
    return i;
  }

  private int markerError(String message) {
    if (csv) {
      return -2;
    }
    throw new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT, message);
  }

  private SqlStateException badNewline(boolean carriageReturn) {
    lineNumber += 1 + embedded; // the error is about the line being read
    String what = carriageReturn ? "carriage return" : "newline";
    String message = (csv ? "unquoted " : "literal ") + what + " found in data";
    String hint = csv
        ? "Use quoted CSV field to represent " + what + "."
        : "Use \"" + (carriageReturn ? "\\r" : "\\n") + "\" to represent " + what + ".";
    return new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT, message, null, hint, 0, null);
  }
}
