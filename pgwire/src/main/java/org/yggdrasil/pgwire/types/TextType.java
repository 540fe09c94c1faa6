package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.planner.session.PgOid;

/**
 * The character types: {@code text}, {@code varchar}, {@code bpchar}, {@code name}, {@code
 * "char"} and {@code unknown}. Text and binary formats are the same: the UTF-8 bytes. Java value:
 * String (any other value is sent as {@code String.valueOf}). Decoding rejects NUL bytes and
 * invalid UTF-8 with 22021, as PostgreSQL does.
 */
public final class TextType extends PgType {
  public static final TextType TEXT = new TextType(PgOid.TEXT, "text", "text");
  public static final TextType VARCHAR =
      new TextType(PgOid.VARCHAR, "varchar", "character varying");
  public static final TextType BPCHAR = new TextType(PgOid.BPCHAR, "bpchar", "character");
  public static final TextType NAME = new TextType(PgOid.NAME, "name", "name");
  public static final TextType CHAR = new TextType(PgOid.CHAR, "char", "\"char\"");
  public static final TextType UNKNOWN = new TextType(PgOid.UNKNOWN, "unknown", "unknown");

  private TextType(int oid, String typname, String sqlName) {
    super(oid, typname, sqlName);
  }

  @Override
  protected String formatText(Object value) {
    return String.valueOf(value);
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    ByteBufUtil.writeUtf8(out, encodeText(value));
  }

  @Override
  public Object decodeText(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new org.yggdrasil.catalog.error.SqlStateException(
          SqlState.CHARACTER_NOT_IN_REPERTOIRE,
          "invalid byte sequence for encoding \"UTF8\": 0x00");
    }
    return text;
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    String s = Utf8.decode(in, in.readerIndex(), in.readableBytes(),
        SqlState.CHARACTER_NOT_IN_REPERTOIRE);
    in.skipBytes(in.readableBytes());
    return s;
  }
}
