package org.yggdrasil.pgwire.codec;

import io.netty.buffer.ByteBuf;
import org.yggdrasil.pgwire.codec.FrontendMessage.Bind;
import org.yggdrasil.pgwire.codec.FrontendMessage.Close;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyData;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyFail;
import org.yggdrasil.pgwire.codec.FrontendMessage.Describe;
import org.yggdrasil.pgwire.codec.FrontendMessage.Execute;
import org.yggdrasil.pgwire.codec.FrontendMessage.FunctionCall;
import org.yggdrasil.pgwire.codec.FrontendMessage.Parse;
import org.yggdrasil.pgwire.codec.FrontendMessage.PasswordMessage;
import org.yggdrasil.pgwire.codec.FrontendMessage.Query;

/**
 * Parses the body of a framed frontend message (the bytes after the type byte and the int32
 * length). Layouts, {@code string} meaning NUL-terminated UTF-8:
 *
 * <pre>
 *   'Q' Query     string sql
 *   'P' Parse     string name, string sql, int16 n, int32 paramOid[n]
 *   'B' Bind      string portal, string statement,
 *                 int16 nf, int16 paramFormat[nf],
 *                 int16 np, np x (int32 len (-1 = NULL), byte[len]),
 *                 int16 nr, int16 resultFormat[nr]
 *   'D' Describe  byte 'S'|'P', string name
 *   'E' Execute   string portal, int32 maxRows (0 = all)
 *   'C' Close     byte 'S'|'P', string name
 *   'S' Sync, 'H' Flush, 'X' Terminate: empty
 *   'p' PasswordMessage / SASLInitialResponse / SASLResponse: kept raw (meaning depends on
 *                 the authentication request it answers)
 *   'F' FunctionCall  int32 function oid, ... (rest not parsed: the call is refused)
 *   'd' CopyData  byte[] data (the rest of the body)
 *   'c' CopyDone  empty
 *   'f' CopyFail  string message
 *   (the session ignores the three outside COPY FROM STDIN, as PostgreSQL does)
 * </pre>
 */
final class MessageParser {
  private MessageParser() {}

  /** True for the type bytes a client may send after startup. */
  static boolean isKnownType(byte type) {
    return switch (type) {
      case 'Q', 'P', 'B', 'D', 'E', 'C', 'S', 'H', 'X', 'F', 'd', 'c', 'f', 'p' -> true;
      default -> false;
    };
  }

  /**
   * Whether the type may carry a large body. PostgreSQL limits the others to 10000 bytes
   * ({@code PQ_SMALL_MESSAGE_LIMIT}) so that a bogus length is caught before buffering.
   */
  static boolean isLargeType(byte type) {
    return switch (type) {
      case 'Q', 'P', 'B', 'F', 'd' -> true;
      default -> false;
    };
  }

  /**
   * @return the message, or null for one that is ignored
   * @throws org.yggdrasil.catalog.error.SqlStateException 08P01 for a malformed body
   */
  static FrontendMessage parse(byte type, ByteBuf body) {
    BodyReader r = new BodyReader(body);
    FrontendMessage m =
        switch (type) {
          case 'Q' -> new Query(r.readCString());
          case 'P' -> parse(r);
          case 'B' -> bind(r);
          case 'D' -> new Describe(kind(r, "DESCRIBE"), r.readCString());
          case 'E' -> new Execute(r.readCString(), r.readInt32());
          case 'C' -> new Close(kind(r, "CLOSE"), r.readCString());
          case 'S' -> FrontendMessage.SYNC;
          case 'H' -> FrontendMessage.FLUSH;
          case 'X' -> FrontendMessage.TERMINATE;
          case 'p' -> new PasswordMessage(r.readBytes(body.readableBytes()));
          case 'F' -> {
            FunctionCall call = new FunctionCall(r.readInt32());
            body.skipBytes(body.readableBytes());
            yield call;
          }
          case 'd' -> new CopyData(r.readBytes(body.readableBytes()));
          case 'c' -> FrontendMessage.COPY_DONE;
          case 'f' -> new CopyFail(r.readCString());
          default -> throw BodyReader.violation("invalid frontend message type " + type);
        };
    r.end();
    return m;
  }

  private static Parse parse(BodyReader r) {
    String name = r.readCString();
    String sql = r.readCString();
    int n = count(r);
    int[] oids = new int[n];
    for (int i = 0; i < n; i++) {
      oids[i] = r.readInt32();
    }
    return new Parse(name, sql, oids);
  }

  private static Bind bind(BodyReader r) {
    String portal = r.readCString();
    String statement = r.readCString();
    short[] paramFormats = formats(r);
    int np = count(r);
    byte[][] values = new byte[np][];
    for (int i = 0; i < np; i++) {
      int len = r.readInt32();
      if (len == -1) {
        values[i] = null;
      } else if (len < 0) {
        throw BodyReader.violation("invalid parameter length " + len);
      } else {
        values[i] = r.readBytes(len);
      }
    }
    short[] resultFormats = formats(r);
    return new Bind(portal, statement, paramFormats, values, resultFormats);
  }

  private static short[] formats(BodyReader r) {
    int n = count(r);
    short[] formats = new short[n];
    for (int i = 0; i < n; i++) {
      formats[i] = (short) r.readInt16();
    }
    return formats;
  }

  /** An int16 count: PostgreSQL reads these unsigned, so up to 65535. */
  private static int count(BodyReader r) {
    return r.readInt16() & 0xFFFF;
  }

  private static char kind(BodyReader r, String what) {
    byte b = r.readByte();
    if (b != 'S' && b != 'P') {
      throw BodyReader.violation("invalid " + what + " message subtype " + b);
    }
    return (char) b;
  }
}
