package org.yggdrasil.pgwire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One backend message as a test sees it: its type byte and body. */
public record BackendMessage(char type, byte[] body) {

  /** Splits a stream of backend bytes into messages. */
  public static List<BackendMessage> parseAll(byte[] bytes) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    List<BackendMessage> out = new ArrayList<>();
    while (buf.isReadable()) {
      char type = (char) buf.readByte();
      int len = buf.readInt();
      byte[] body = new byte[len - 4];
      buf.readBytes(body);
      out.add(new BackendMessage(type, body));
    }
    return out;
  }

  /** The type letters of messages, space-separated: {@code "R S S K Z"}. */
  public static String types(List<BackendMessage> messages) {
    StringBuilder sb = new StringBuilder();
    for (BackendMessage m : messages) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(m.type());
    }
    return sb.toString();
  }

  /** The fields of the first ErrorResponse among {@code messages}. */
  public static Map<Character, String> error(List<BackendMessage> messages) {
    for (BackendMessage m : messages) {
      if (m.type() == 'E') {
        return m.fields();
      }
    }
    throw new AssertionError("no ErrorResponse in " + types(messages));
  }

  public ByteBuf buf() {
    return Unpooled.wrappedBuffer(body);
  }

  /** ErrorResponse / NoticeResponse fields by code letter. */
  public Map<Character, String> fields() {
    Map<Character, String> fields = new LinkedHashMap<>();
    ByteBuf b = buf();
    while (true) {
      byte code = b.readByte();
      if (code == 0) {
        return fields;
      }
      fields.put((char) code, cstring(b));
    }
  }

  /** DataRow values as strings (text format), null for NULL. */
  public List<String> textValues() {
    List<String> values = new ArrayList<>();
    for (byte[] v : rawValues()) {
      values.add(v == null ? null : new String(v, StandardCharsets.UTF_8));
    }
    return values;
  }

  /** DataRow values as raw bytes, null for NULL. */
  public List<byte[]> rawValues() {
    ByteBuf b = buf();
    int n = b.readShort();
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = b.readInt();
      if (len < 0) {
        values.add(null);
      } else {
        byte[] v = new byte[len];
        b.readBytes(v);
        values.add(v);
      }
    }
    return values;
  }

  /** RowDescription: column names. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    ByteBuf b = buf();
    int n = b.readShort();
    for (int i = 0; i < n; i++) {
      names.add(cstring(b));
      b.skipBytes(18);
    }
    return names;
  }

  /** RowDescription: format code per column. */
  public List<Integer> columnFormats() {
    List<Integer> formats = new ArrayList<>();
    ByteBuf b = buf();
    int n = b.readShort();
    for (int i = 0; i < n; i++) {
      cstring(b);
      b.skipBytes(16);
      formats.add((int) b.readShort());
    }
    return formats;
  }

  /** RowDescription: type OID per column. */
  public List<Integer> columnTypes() {
    List<Integer> types = new ArrayList<>();
    ByteBuf b = buf();
    int n = b.readShort();
    for (int i = 0; i < n; i++) {
      cstring(b);
      b.skipBytes(6);
      types.add(b.readInt());
      b.skipBytes(8);
    }
    return types;
  }

  /** The body as a NUL-terminated string (CommandComplete tag). */
  public String string() {
    return cstring(buf());
  }

  private static String cstring(ByteBuf b) {
    int nul = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
    String s = b.toString(b.readerIndex(), nul - b.readerIndex(), StandardCharsets.UTF_8);
    b.readerIndex(nul + 1);
    return s;
  }

  @Override
  public String toString() {
    return "'" + type + "'(" + body.length + " bytes)";
  }
}
