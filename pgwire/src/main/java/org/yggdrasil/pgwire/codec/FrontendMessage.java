package org.yggdrasil.pgwire.codec;

import java.util.Map;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * A decoded frontend message. Strings are already validated UTF-8; byte layouts are in {@link
 * MessageParser} and {@link PgDecoder}.
 */
public sealed interface FrontendMessage {

  /**
   * StartupMessage (protocol 3.x).
   *
   * @param parameters the key/value pairs, without {@code _pq_.} protocol options
   * @param minorVersion the requested minor protocol version (we speak 3.0)
   * @param unsupportedOptions {@code _pq_.*} option names we do not support, for
   *     NegotiateProtocolVersion
   */
  record Startup(
      Map<String, String> parameters, int minorVersion, java.util.List<String> unsupportedOptions)
      implements FrontendMessage {}

  /** CancelRequest: arrives on its own connection, which then closes without a reply. */
  record CancelRequest(int processId, int secretKey) implements FrontendMessage {}

  /** 'Q' simple query. */
  record Query(String sql) implements FrontendMessage {}

  /** 'P' Parse; {@code name} is "" for the unnamed statement; OIDs may be 0 (infer). */
  record Parse(String name, String sql, int[] parameterTypes) implements FrontendMessage {}

  /**
   * 'B' Bind.
   *
   * @param parameterFormats 0, 1 or one format code per parameter (0 text, 1 binary)
   * @param parameters the raw values, null for SQL NULL
   * @param resultFormats 0, 1 or one format code per result column
   */
  record Bind(
      String portal,
      String statement,
      short[] parameterFormats,
      byte[][] parameters,
      short[] resultFormats)
      implements FrontendMessage {}

  /** 'D' Describe: {@code kind} 'S' statement or 'P' portal. */
  record Describe(char kind, String name) implements FrontendMessage {}

  /** 'E' Execute; {@code maxRows} 0 (or negative) means all rows. */
  record Execute(String portal, int maxRows) implements FrontendMessage {}

  /** 'C' Close: {@code kind} 'S' statement or 'P' portal. */
  record Close(char kind, String name) implements FrontendMessage {}

  /** 'S' Sync. */
  record Sync() implements FrontendMessage {}

  /** 'H' Flush. */
  record Flush() implements FrontendMessage {}

  /** 'X' Terminate. */
  record Terminate() implements FrontendMessage {}

  /** 'd' CopyData: a piece of the COPY FROM STDIN data stream (any split, even mid-row). */
  record CopyData(byte[] data) implements FrontendMessage {}

  /** 'c' CopyDone: the COPY FROM STDIN data is complete. */
  record CopyDone() implements FrontendMessage {}

  /** 'f' CopyFail: the client aborts COPY FROM STDIN, with its reason. */
  record CopyFail(String message) implements FrontendMessage {}

  /**
   * 'p': PasswordMessage, SASLInitialResponse or SASLResponse. Which one depends on what the
   * server asked for, so the body is kept raw; see {@link SaslInitialResponse#parse}.
   */
  record PasswordMessage(byte[] data) implements FrontendMessage {}

  /** 'F' FunctionCall (not supported: answered with an error). */
  record FunctionCall(int functionOid) implements FrontendMessage {}

  /**
   * The client broke the protocol (bad length, unknown message type, malformed body): the
   * connection gets a FATAL ErrorResponse and is closed. The decoder discards everything after.
   */
  record ProtocolViolation(SqlStateException error) implements FrontendMessage {}

  Sync SYNC = new Sync();
  Flush FLUSH = new Flush();
  Terminate TERMINATE = new Terminate();
  CopyDone COPY_DONE = new CopyDone();
}
