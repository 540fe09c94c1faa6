package org.yggdrasil.pgwire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Builds frontend messages byte by byte, as a client would send them. */
public final class Frontend {
  private final ByteBuf buf = Unpooled.buffer();

  public static Frontend create() {
    return new Frontend();
  }

  public byte[] bytes() {
    return ByteBufUtil.getBytes(buf);
  }

  public ByteBuf buffer() {
    return Unpooled.wrappedBuffer(bytes());
  }

  public Frontend raw(byte... bytes) {
    buf.writeBytes(bytes);
    return this;
  }

  public Frontend int32(int v) {
    buf.writeInt(v);
    return this;
  }

  public Frontend sslRequest() {
    buf.writeInt(8).writeInt(80877103);
    return this;
  }

  public Frontend gssRequest() {
    buf.writeInt(8).writeInt(80877104);
    return this;
  }

  public Frontend cancelRequest(int pid, int key) {
    buf.writeInt(16).writeInt(80877102).writeInt(pid).writeInt(key);
    return this;
  }

  /** StartupMessage 3.0 with alternating key, value strings. */
  public Frontend startup(String... keyValues) {
    return startupVersion(196608, keyValues);
  }

  public Frontend startupVersion(int version, String... keyValues) {
    int start = buf.writerIndex();
    buf.writeInt(0).writeInt(version);
    for (String s : keyValues) {
      cstring(s);
    }
    buf.writeByte(0);
    buf.setInt(start, buf.writerIndex() - start);
    return this;
  }

  public Frontend query(String sql) {
    int start = begin('Q');
    cstring(sql);
    return end(start);
  }

  public Frontend parse(String name, String sql, int... oids) {
    int start = begin('P');
    cstring(name);
    cstring(sql);
    buf.writeShort(oids.length);
    for (int oid : oids) {
      buf.writeInt(oid);
    }
    return end(start);
  }

  /** Bind with explicit format codes; a null value is SQL NULL. */
  public Frontend bind(String portal, String statement, short[] paramFormats, byte[][] values,
      short[] resultFormats) {
    int start = begin('B');
    cstring(portal);
    cstring(statement);
    buf.writeShort(paramFormats.length);
    for (short f : paramFormats) {
      buf.writeShort(f);
    }
    buf.writeShort(values.length);
    for (byte[] v : values) {
      if (v == null) {
        buf.writeInt(-1);
      } else {
        buf.writeInt(v.length).writeBytes(v);
      }
    }
    buf.writeShort(resultFormats.length);
    for (short f : resultFormats) {
      buf.writeShort(f);
    }
    return end(start);
  }

  /** Bind with text parameters and text results. */
  public Frontend bind(String portal, String statement, String... textValues) {
    byte[][] values = new byte[textValues.length][];
    for (int i = 0; i < values.length; i++) {
      values[i] = textValues[i] == null ? null : textValues[i].getBytes(StandardCharsets.UTF_8);
    }
    return bind(portal, statement, new short[0], values, new short[0]);
  }

  public Frontend describe(char kind, String name) {
    int start = begin('D');
    buf.writeByte(kind);
    cstring(name);
    return end(start);
  }

  public Frontend execute(String portal, int maxRows) {
    int start = begin('E');
    cstring(portal);
    buf.writeInt(maxRows);
    return end(start);
  }

  public Frontend close(char kind, String name) {
    int start = begin('C');
    buf.writeByte(kind);
    cstring(name);
    return end(start);
  }

  /** 'p' SASLInitialResponse: mechanism, int32 length, the client-first-message. */
  public Frontend saslInitialResponse(String mechanism, String clientFirst) {
    int start = begin('p');
    cstring(mechanism);
    byte[] data = clientFirst.getBytes(StandardCharsets.UTF_8);
    buf.writeInt(data.length).writeBytes(data);
    return end(start);
  }

  /** 'p' SASLResponse: the client-final-message as the whole body. */
  public Frontend saslResponse(String clientFinal) {
    int start = begin('p');
    buf.writeBytes(clientFinal.getBytes(StandardCharsets.UTF_8));
    return end(start);
  }

  public Frontend sync() {
    return end(begin('S'));
  }

  public Frontend flush() {
    return end(begin('H'));
  }

  /** CopyData with these bytes. */
  public Frontend copyData(byte[] data) {
    int start = begin('d');
    buf.writeBytes(data);
    return end(start);
  }

  /** CopyData with this text in UTF-8. */
  public Frontend copyData(String data) {
    return copyData(data.getBytes(StandardCharsets.UTF_8));
  }

  public Frontend copyDone() {
    return end(begin('c'));
  }

  public Frontend copyFail(String reason) {
    int start = begin('f');
    cstring(reason);
    return end(start);
  }

  public Frontend terminate() {
    return end(begin('X'));
  }

  private int begin(char type) {
    int start = buf.writerIndex();
    buf.writeByte(type).writeInt(0);
    return start;
  }

  private Frontend end(int start) {
    buf.setInt(start + 1, buf.writerIndex() - start - 1);
    return this;
  }

  private void cstring(String s) {
    buf.writeBytes(s.getBytes(StandardCharsets.UTF_8)).writeByte(0);
  }
}
