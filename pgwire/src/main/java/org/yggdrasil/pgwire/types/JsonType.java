package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code json} and {@code jsonb}, carried as their text (Java value: String). Binary {@code
 * json} is the UTF-8 text; binary {@code jsonb} is a version byte {@code 0x01} followed by the
 * text. The text is not validated here: the engine validates JSON where it casts.
 */
public final class JsonType extends PgType {
  public static final JsonType JSON = new JsonType(PgOid.JSON, "json", false);
  public static final JsonType JSONB = new JsonType(PgOid.JSONB, "jsonb", true);

  private static final int JSONB_VERSION = 1;
  private final boolean versioned;

  private JsonType(int oid, String name, boolean versioned) {
    super(oid, name, name);
    this.versioned = versioned;
  }

  @Override
  protected String formatText(Object value) {
    return String.valueOf(value);
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    if (versioned) {
      out.writeByte(JSONB_VERSION);
    }
    ByteBufUtil.writeUtf8(out, encodeText(value));
  }

  @Override
  public Object decodeText(String text) {
    return TextType.TEXT.decodeText(text);
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    if (versioned) {
      if (!in.isReadable()) {
        throw binaryFormat();
      }
      int version = in.readUnsignedByte();
      if (version != JSONB_VERSION) {
        throw new SqlStateException(
            SqlState.INVALID_BINARY_REPRESENTATION, "unsupported jsonb version number " + version);
      }
    }
    return TextType.TEXT.decodeBinary(in);
  }
}
