package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.yggdrasil.catalog.error.SqlState;

/**
 * The fallback for OIDs without a codec here (regclass, regtype, enums, ...): values are sent
 * as the text of {@code String.valueOf(value)}, parameters arrive as String. There is no binary
 * format: a Bind asking for one is refused.
 */
public final class UnknownType extends PgType {

  UnknownType(int oid) {
    super(oid, "oid" + Integer.toUnsignedString(oid), "oid " + Integer.toUnsignedString(oid));
  }

  @Override
  public boolean supportsBinary() {
    return false;
  }

  @Override
  protected String formatText(Object value) {
    return String.valueOf(value);
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    // Only reachable if a caller ignores supportsBinary(); the text bytes are the best guess.
    ByteBufUtil.writeUtf8(out, encodeText(value));
  }

  @Override
  public Object decodeText(String text) {
    return TextType.TEXT.decodeText(text);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    String s = Utf8.decode(in, in.readerIndex(), in.readableBytes(),
        SqlState.CHARACTER_NOT_IN_REPERTOIRE);
    in.skipBytes(in.readableBytes());
    return s;
  }
}
