package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.util.Locale;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code bool}: text output {@code t}/{@code f}; input as PostgreSQL's {@code parse_bool}
 * (case-insensitive unique prefixes of true/false/yes/no/on/off, and 1/0, surrounded by optional
 * whitespace); binary one byte, nonzero is true. Java value: Boolean.
 */
public final class BoolType extends PgType {
  public static final BoolType INSTANCE = new BoolType();

  private BoolType() {
    super(PgOid.BOOL, "bool", "boolean");
  }

  @Override
  protected String formatText(Object value) {
    return bool(value) ? "t" : "f";
  }

  @Override
  public void writeText(ByteBuf out, Object value) {
    if (value instanceof Boolean b) {
      out.writeByte(b ? 't' : 'f');
    } else {
      super.writeText(out, value);
    }
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    out.writeByte(bool(value) ? 1 : 0);
  }

  @Override
  public Object decodeText(String text) {
    Boolean b = parse(text.strip().toLowerCase(Locale.ROOT));
    if (b == null) {
      throw invalidText(text);
    }
    return b;
  }

  private static Boolean parse(String s) {
    if (s.isEmpty()) {
      return null;
    }
    return switch (s.charAt(0)) {
      case 't' -> "true".startsWith(s) ? Boolean.TRUE : null;
      case 'f' -> "false".startsWith(s) ? Boolean.FALSE : null;
      case 'y' -> "yes".startsWith(s) ? Boolean.TRUE : null;
      case 'n' -> "no".startsWith(s) ? Boolean.FALSE : null;
      // "o" alone is ambiguous between on and off.
      case 'o' -> s.length() < 2 ? null
          : "on".startsWith(s) ? Boolean.TRUE
          : "off".startsWith(s) ? Boolean.FALSE
          : null;
      case '1' -> s.length() == 1 ? Boolean.TRUE : null;
      case '0' -> s.length() == 1 ? Boolean.FALSE : null;
      default -> null;
    };
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    requireLength(in, 1);
    return in.readByte() != 0;
  }

  private boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw unexpected(value);
  }
}
