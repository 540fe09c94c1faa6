package org.yggdrasil.pgwire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.Map;
import org.yggdrasil.pgwire.types.PgType;
import org.yggdrasil.planner.session.ResultColumn;

/**
 * Writers for backend messages, one per message type. Each appends a complete message to
 * {@code out}: {@code byte type, int32 length, body}, where the length counts itself and the
 * body but not the type byte, and is patched in after the body is written. {@code string} below
 * means UTF-8 bytes followed by a NUL.
 */
public final class Messages {
  private Messages() {}

  /** Starts a message: the type byte and a length placeholder. Returns the message start. */
  private static int begin(ByteBuf out, char type) {
    int start = out.writerIndex();
    out.writeByte(type);
    out.writeInt(0);
    return start;
  }

  /** Patches the length of the message begun at {@code start}. */
  private static void end(ByteBuf out, int start) {
    out.setInt(start + 1, out.writerIndex() - start - 1);
  }

  private static void writeCString(ByteBuf out, String s) {
    ByteBufUtil.writeUtf8(out, s);
    out.writeByte(0);
  }

  /** {@code 'R' int32 8, int32 0}: AuthenticationOk. */
  public static void writeAuthenticationOk(ByteBuf out) {
    out.writeByte('R').writeInt(8).writeInt(0);
  }

  /**
   * {@code 'R' int32 len, int32 10, string mechanism*, byte 0}: AuthenticationSASL, offering the
   * mechanisms in order of preference.
   */
  public static void writeAuthenticationSasl(ByteBuf out, List<String> mechanisms) {
    int start = begin(out, 'R');
    out.writeInt(10);
    for (String mechanism : mechanisms) {
      writeCString(out, mechanism);
    }
    out.writeByte(0);
    end(out, start);
  }

  /** {@code 'R' int32 len, int32 11, byte[] data}: AuthenticationSASLContinue. */
  public static void writeAuthenticationSaslContinue(ByteBuf out, byte[] data) {
    writeAuthenticationData(out, 11, data);
  }

  /** {@code 'R' int32 len, int32 12, byte[] data}: AuthenticationSASLFinal. */
  public static void writeAuthenticationSaslFinal(ByteBuf out, byte[] data) {
    writeAuthenticationData(out, 12, data);
  }

  private static void writeAuthenticationData(ByteBuf out, int code, byte[] data) {
    int start = begin(out, 'R');
    out.writeInt(code);
    out.writeBytes(data);
    end(out, start);
  }

  /**
   * {@code 'v' int32 len, int32 newest minor version supported, int32 n, string option[n]}:
   * NegotiateProtocolVersion, for a client asking for 3.x (x > 0) or {@code _pq_.} options.
   */
  public static void writeNegotiateProtocolVersion(
      ByteBuf out, int newestMinor, List<String> unsupportedOptions) {
    int start = begin(out, 'v');
    out.writeInt(newestMinor);
    out.writeInt(unsupportedOptions.size());
    for (String option : unsupportedOptions) {
      writeCString(out, option);
    }
    end(out, start);
  }

  /** {@code 'S' int32 len, string name, string value}: ParameterStatus. */
  public static void writeParameterStatus(ByteBuf out, String name, String value) {
    int start = begin(out, 'S');
    writeCString(out, name);
    writeCString(out, value);
    end(out, start);
  }

  /** One ParameterStatus per entry, in the map's order. */
  public static void writeParameterStatuses(ByteBuf out, Map<String, String> parameters) {
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      writeParameterStatus(out, e.getKey(), e.getValue());
    }
  }

  /** {@code 'K' int32 12, int32 process id, int32 secret key}: BackendKeyData. */
  public static void writeBackendKeyData(ByteBuf out, int processId, int secretKey) {
    out.writeByte('K').writeInt(12).writeInt(processId).writeInt(secretKey);
  }

  /** {@code 'A' int32 len, int32 pid, string channel, string payload}: a NOTIFY delivered. */
  public static void writeNotificationResponse(ByteBuf out, int pid, String channel,
      String payload) {
    int start = out.writerIndex();
    out.writeByte('A').writeInt(0).writeInt(pid);
    writeCString(out, channel);
    writeCString(out, payload);
    out.setInt(start + 1, out.writerIndex() - start - 1);
  }

  /** {@code 'Z' int32 5, byte status ('I' idle, 'T' in transaction, 'E' failed)}. */
  public static void writeReadyForQuery(ByteBuf out, char status) {
    out.writeByte('Z').writeInt(5).writeByte(status);
  }

  /**
   * RowDescription:
   *
   * <pre>
   *   'T' int32 len, int16 n, n x (string name, int32 table oid, int16 column attnum,
   *                                int32 type oid, int16 typlen, int32 typmod, int16 format)
   * </pre>
   *
   * @param formats one format code per column (0 text, 1 binary)
   */
  public static void writeRowDescription(ByteBuf out, List<ResultColumn> columns, short[] formats) {
    int start = begin(out, 'T');
    out.writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ResultColumn c = columns.get(i);
      writeCString(out, c.name());
      out.writeInt(c.tableOid());
      out.writeShort(c.columnNumber());
      out.writeInt(c.typeOid());
      out.writeShort(c.typeSize());
      out.writeInt(c.typeModifier());
      out.writeShort(formats[i]);
    }
    end(out, start);
  }

  /**
   * DataRow:
   *
   * <pre>
   *   'D' int32 len, int16 n, n x (int32 value length (-1 = NULL), byte[length])
   * </pre>
   *
   * Values are encoded with {@code types[i]} in {@code formats[i]}. If encoding a value fails,
   * the partial row is removed from {@code out} before the exception propagates, so the buffer
   * stays a sequence of whole messages.
   */
  public static void writeDataRow(ByteBuf out, Object[] values, PgType[] types, short[] formats) {
    int start = begin(out, 'D');
    try {
      out.writeShort(values.length);
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v == null) {
          out.writeInt(-1);
          continue;
        }
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        if (formats[i] == 1) {
          types[i].writeBinary(out, v);
        } else {
          types[i].writeText(out, v);
        }
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
      }
    } catch (RuntimeException e) {
      out.writerIndex(start);
      throw e;
    }
    end(out, start);
  }

  /** {@code 'C' int32 len, string tag}: CommandComplete, e.g. {@code SELECT 3}. */
  public static void writeCommandComplete(ByteBuf out, String tag) {
    int start = begin(out, 'C');
    writeCString(out, tag);
    end(out, start);
  }

  /** {@code 'I' int32 4}: EmptyQueryResponse. */
  public static void writeEmptyQueryResponse(ByteBuf out) {
    out.writeByte('I').writeInt(4);
  }

  /**
   * ErrorResponse:
   *
   * <pre>
   *   'E' int32 len, (byte field code, string value)*, byte 0
   *   fields: 'S' severity (localized), 'V' severity (never localized), 'C' SQLSTATE,
   *           'M' message, 'D' detail, 'H' hint, 'P' position (decimal, 1-based),
 *           'W' where (the context, psql's CONTEXT line)
   * </pre>
   */
  public static void writeErrorResponse(ByteBuf out, PgError error) {
    writeNotice(out, 'E', error);
  }

  /** NoticeResponse: {@code 'N'} with the same fields as ErrorResponse. */
  public static void writeNoticeResponse(ByteBuf out, PgError notice) {
    writeNotice(out, 'N', notice);
  }

  private static void writeNotice(ByteBuf out, char type, PgError e) {
    int start = begin(out, type);
    field(out, 'S', e.severity());
    field(out, 'V', e.severity());
    field(out, 'C', e.code());
    field(out, 'M', e.message());
    if (e.detail() != null) {
      field(out, 'D', e.detail());
    }
    if (e.hint() != null) {
      field(out, 'H', e.hint());
    }
    if (e.position() > 0) {
      field(out, 'P', Integer.toString(e.position()));
    }
    if (e.where() != null) {
      field(out, 'W', e.where());
    }
    out.writeByte(0);
    end(out, start);
  }

  private static void field(ByteBuf out, char code, String value) {
    out.writeByte(code);
    writeCString(out, value);
  }

  /** {@code '1' int32 4}: ParseComplete. */
  public static void writeParseComplete(ByteBuf out) {
    out.writeByte('1').writeInt(4);
  }

  /** {@code '2' int32 4}: BindComplete. */
  public static void writeBindComplete(ByteBuf out) {
    out.writeByte('2').writeInt(4);
  }

  /** {@code '3' int32 4}: CloseComplete. */
  public static void writeCloseComplete(ByteBuf out) {
    out.writeByte('3').writeInt(4);
  }

  /** {@code 'n' int32 4}: NoData, for a Describe of something that returns no rows. */
  public static void writeNoData(ByteBuf out) {
    out.writeByte('n').writeInt(4);
  }

  /** {@code 't' int32 len, int16 n, int32 type oid[n]}: ParameterDescription. */
  public static void writeParameterDescription(ByteBuf out, int[] typeOids) {
    int start = begin(out, 't');
    out.writeShort(typeOids.length);
    for (int oid : typeOids) {
      out.writeInt(oid);
    }
    end(out, start);
  }

  /** {@code 's' int32 4}: PortalSuspended, when Execute stopped at its row limit. */
  public static void writePortalSuspended(ByteBuf out) {
    out.writeByte('s').writeInt(4);
  }

  /**
   * {@code 'G' int32 len, int8 0 (text), int16 n, int16 0[n]}: CopyInResponse, the server is
   * ready for COPY FROM STDIN data in text (or CSV) format for {@code columns} columns.
   */
  public static void writeCopyInResponse(ByteBuf out, int columns) {
    writeCopyResponse(out, 'G', columns);
  }

  /** {@code 'H'}, laid out as CopyInResponse: CopyOutResponse, COPY TO STDOUT data follows. */
  public static void writeCopyOutResponse(ByteBuf out, int columns) {
    writeCopyResponse(out, 'H', columns);
  }

  private static void writeCopyResponse(ByteBuf out, char type, int columns) {
    int start = begin(out, type);
    out.writeByte(0);
    out.writeShort(columns);
    for (int i = 0; i < columns; i++) {
      out.writeShort(0);
    }
    end(out, start);
  }

  /**
   * Starts a {@code 'd' int32 len, byte[] data} CopyData message: the caller appends the data
   * and then calls {@link #endCopyData} with the returned start.
   */
  public static int beginCopyData(ByteBuf out) {
    return begin(out, 'd');
  }

  /** Completes the CopyData message begun at {@code start}. */
  public static void endCopyData(ByteBuf out, int start) {
    end(out, start);
  }

  /** {@code 'c' int32 4}: CopyDone, the end of the COPY TO STDOUT data. */
  public static void writeCopyDone(ByteBuf out) {
    out.writeByte('c').writeInt(4);
  }
}
