package org.yggdrasil.planner.copy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The format options of one COPY, validated as PostgreSQL's {@code ProcessCopyOptions} does and
 * with its defaults filled in: text format uses tab and {@code \N}; CSV uses comma, the empty
 * string, and {@code "} as both quote and escape.
 *
 * @param csv CSV format (else text)
 * @param delimiter the field separator (one byte)
 * @param nullString what stands for NULL, as raw bytes of the data
 * @param header whether the first line is a header, and whether it is checked
 * @param quote CSV quote byte
 * @param escape CSV escape byte
 * @param forceQuote COPY TO CSV: columns always quoted (null when none; {@link #ALL} for *)
 * @param forceNotNull COPY FROM CSV: columns whose null string is read as a value (or null)
 * @param forceNull COPY FROM CSV: columns whose quoted null string is NULL too (or null)
 */
public record CopyOptions(
    boolean csv,
    byte delimiter,
    byte[] nullString,
    Header header,
    byte quote,
    byte escape,
    List<String> forceQuote,
    List<String> forceNotNull,
    List<String> forceNull) {

  /** FORCE_QUOTE *: every column. */
  public static final List<String> ALL = List.of("*");

  /** The HEADER option. */
  public enum Header {
    NONE,
    /** The first line is skipped (COPY FROM) or written (COPY TO). */
    PRESENT,
    /** COPY FROM: the first line must name the columns, in order. */
    MATCH
  }

  /** The defaults of the text format. */
  public static final CopyOptions TEXT = new CopyOptions(false, (byte) '\t',
      "\\N".getBytes(StandardCharsets.US_ASCII), Header.NONE, (byte) 0, (byte) 0, null, null,
      null);

  /** The null string as text (it is ASCII or UTF-8, as the statement gave it). */
  public String nullText() {
    return new String(nullString, StandardCharsets.UTF_8);
  }

  /** True when FORCE_QUOTE names this column (or is *). */
  public boolean forcesQuote(String column) {
    return forceQuote != null && (forceQuote == ALL || forceQuote.contains(column));
  }
}
