package org.yggdrasil.pgwire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage.CancelRequest;
import org.yggdrasil.pgwire.codec.FrontendMessage.ProtocolViolation;
import org.yggdrasil.pgwire.codec.FrontendMessage.Startup;

/**
 * Frames the client's byte stream into {@link FrontendMessage}s. One instance per connection.
 *
 * <p>The decoder never throws into Netty: any malformed input becomes a single {@link
 * ProtocolViolation} message (the session answers it with a FATAL ErrorResponse and closes the
 * connection), after which the decoder discards all further bytes.
 */
public final class PgDecoder extends ByteToMessageDecoder {

  /**
   * Startup packets are small (a dozen short parameters); PostgreSQL caps them at 10000 bytes
   * ({@code MAX_STARTUP_PACKET_LENGTH}) so that a bogus length cannot make us buffer.
   */
  public static final int MAX_STARTUP_LENGTH = 10_000;

  /** Sync, Flush, Close, Describe, Execute, Terminate: PostgreSQL's PQ_SMALL_MESSAGE_LIMIT. */
  public static final int MAX_SMALL_MESSAGE_LENGTH = 10_000;

  /**
   * Query, Parse, Bind, FunctionCall and CopyData may be large (a big INSERT, a bytea
   * parameter). PostgreSQL allows up to 1 GiB; we cap at 256 MiB, which still fits any
   * realistic statement while bounding what one connection can make us buffer.
   */
  public static final int MAX_MESSAGE_LENGTH = 256 * 1024 * 1024;

  static final int SSL_REQUEST_CODE = 80877103;
  static final int GSSENC_REQUEST_CODE = 80877104;
  static final int CANCEL_REQUEST_CODE = 80877102;
  static final int PROTOCOL_MAJOR = 3;

  /** Where in the stream the decoder is. */
  enum State {
    /**
     * Before the StartupMessage. Every packet here is {@code int32 length (self-inclusive),
     * int32 code, body}:
     *
     * <pre>
     *   SSLRequest      length 8,  code 80877103            -> answer 'N' (or 'S' and start
   *                                                          TLS if configured), stay in STARTUP
     *   GSSENCRequest   length 8,  code 80877104            -> answer 'N', stay in STARTUP
     *   CancelRequest   length 16, code 80877102, int32 pid, int32 key -> CLOSED
     *   StartupMessage  code 196608 (3.0; 3.x also accepted), then
     *                   (string name, string value)*, byte 0 -> MESSAGES
     * </pre>
     */
    STARTUP,
    /**
     * After startup: {@code byte type, int32 length (self-inclusive, excludes the type byte),
     * body} — see {@link MessageParser} for the bodies.
     */
    MESSAGES,
    /** After a CancelRequest or a protocol violation: all input is discarded. */
    CLOSED
  }

  /** Null: no TLS, SSLRequest is answered 'N'. */
  private final SslContext tls;

  private State state = State.STARTUP;
  private boolean sslRequested;
  private boolean gssRequested;

  /** A decoder that answers SSLRequest with 'N': the connection stays unencrypted. */
  public PgDecoder() {
    this(null);
  }

  /**
   * A decoder that answers SSLRequest with 'S' and puts TLS from {@code tls} in front of itself
   * ({@code null}: answer 'N').
   */
  public PgDecoder(SslContext tls) {
    this.tls = tls;
  }

  /** The current state, for tests. */
  public State state() {
    return state;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      switch (state) {
        case STARTUP -> decodeStartup(ctx, in, out);
        case MESSAGES -> decodeMessage(in, out);
        case CLOSED -> in.skipBytes(in.readableBytes());
      }
    } catch (SqlStateException e) {
      fail(in, out, e);
    } catch (RuntimeException e) {
      // A bug in parsing must not take the event loop down; report it as a protocol error.
      fail(in, out, new SqlStateException(SqlState.PROTOCOL_VIOLATION,
          "invalid message: " + e.getMessage(), e));
    }
  }

  private void fail(ByteBuf in, List<Object> out, SqlStateException e) {
    state = State.CLOSED;
    in.skipBytes(in.readableBytes());
    out.add(new ProtocolViolation(e));
  }

  private void decodeStartup(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 4) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 8 || length > MAX_STARTUP_LENGTH) {
      throw BodyReader.violation("invalid length of startup packet");
    }
    if (in.readableBytes() < length) {
      return;
    }
    in.skipBytes(4);
    int code = in.readInt();
    ByteBuf body = in.readSlice(length - 8);
    switch (code) {
      case SSL_REQUEST_CODE, GSSENC_REQUEST_CODE -> {
        boolean ssl = code == SSL_REQUEST_CODE;
        if (length != 8 || (ssl ? sslRequested : gssRequested)) {
          throw BodyReader.violation("invalid length of startup packet");
        }
        // Without TLS configured (and never for GSSAPI), 'N' tells the client to go on in the
        // clear, as libpq and pgjdbc do by default (sslmode=prefer). Nothing else has been
        // written yet, so this single byte cannot interleave with a response.
        // libpq may ask for GSSAPI first and then for SSL; each at most once.
        if (ssl) {
          sslRequested = true;
        } else {
          gssRequested = true;
        }
        if (ssl && tls != null) {
          startTls(ctx, in);
        } else {
          ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
        }
      }
      case CANCEL_REQUEST_CODE -> {
        if (length != 16) {
          throw BodyReader.violation("invalid length of cancel request packet");
        }
        state = State.CLOSED;
        out.add(new CancelRequest(body.readInt(), body.readInt()));
      }
      default -> {
        int major = code >>> 16;
        int minor = code & 0xFFFF;
        if (major != PROTOCOL_MAJOR) {
          throw new SqlStateException(
              SqlState.FEATURE_NOT_SUPPORTED,
              "unsupported frontend protocol " + major + "." + minor
                  + ": server supports 3.0 to 3.0");
        }
        out.add(startup(body, minor));
        state = State.MESSAGES;
      }
    }
  }

  /**
   * Answers 'S' in the clear, then puts an SslHandler before this decoder: from the next byte
   * on, the client's input is decrypted before it gets here, and our output encrypted.
   */
  private void startTls(ChannelHandlerContext ctx, ByteBuf in) {
    if (in.isReadable()) {
      // Bytes sent before the handshake could be injected by a man in the middle
      // (CVE-2021-23214); PostgreSQL refuses them the same way.
      throw BodyReader.violation("received unencrypted data after SSL request");
    }
    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}));
    ctx.pipeline().addBefore(ctx.name(), "tls", tls.newHandler(ctx.alloc()));
  }

  /** {@code (string name, string value)*, byte 0}. */
  private static Startup startup(ByteBuf body, int minor) {
    BodyReader r = new BodyReader(body);
    Map<String, String> params = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    while (true) {
      if (!body.isReadable()) {
        throw BodyReader.violation(
            "invalid startup packet layout: expected terminator as last byte");
      }
      if (body.getByte(body.readerIndex()) == 0) {
        body.skipBytes(1);
        break;
      }
      String name = r.readCString();
      String value = r.readCString();
      if (name.startsWith("_pq_.")) {
        unsupported.add(name); // protocol extensions: none supported yet
      } else {
        params.put(name, value);
      }
    }
    r.end();
    return new Startup(params, minor, unsupported);
  }

  private void decodeMessage(ByteBuf in, List<Object> out) {
    int start = in.readerIndex();
    if (!in.isReadable()) {
      return;
    }
    byte type = in.getByte(start);
    // Check the type before waiting for a length: garbage is rejected at its first byte.
    if (!MessageParser.isKnownType(type)) {
      throw BodyReader.violation("invalid frontend message type " + (type & 0xFF));
    }
    if (in.readableBytes() < 5) {
      return;
    }
    int length = in.getInt(start + 1);
    int max = MessageParser.isLargeType(type) ? MAX_MESSAGE_LENGTH : MAX_SMALL_MESSAGE_LENGTH;
    if (length < 4 || length > max) {
      throw BodyReader.violation("invalid message length");
    }
    if (in.readableBytes() < 1 + length) {
      return;
    }
    in.skipBytes(5);
    FrontendMessage m = MessageParser.parse(type, in.readSlice(length - 4));
    if (m != null) {
      out.add(m);
    }
  }
}
