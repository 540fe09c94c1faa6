package org.yggdrasil.pgwire.session;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage.Bind;
import org.yggdrasil.pgwire.types.FormatSettings;
import org.yggdrasil.pgwire.types.PgType;
import org.yggdrasil.pgwire.types.PgTypes;
import org.yggdrasil.pgwire.types.Utf8;

/**
 * Decodes Bind's raw parameter values into the Java values the engine expects, by the
 * statement's (inferred) parameter types and the client's format codes.
 */
final class ParameterDecoder {
  private ParameterDecoder() {}

  static Object[] decode(Bind bind, int[] parameterTypes, FormatSettings settings) {
    byte[][] raw = bind.parameters();
    if (raw.length != parameterTypes.length) {
      throw new SqlStateException(
          SqlState.PROTOCOL_VIOLATION,
          "bind message supplies " + raw.length + " parameters, but prepared statement \""
              + bind.statement() + "\" requires " + parameterTypes.length);
    }
    short[] formats = ResultEncoding.parameterFormats(bind.parameterFormats(), raw.length);
    Object[] values = new Object[raw.length];
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == null) {
        continue;
      }
      PgType type = PgTypes.forOid(parameterTypes[i], settings);
      values[i] = formats[i] == 0 ? type.decodeText(Utf8.decode(raw[i])) : binary(type, raw[i], i);
    }
    return values;
  }

  private static Object binary(PgType type, byte[] bytes, int index) {
    if (!type.supportsBinary()) {
      throw new SqlStateException(
          SqlState.UNDEFINED_FUNCTION,
          "no binary input function available for type " + type.typname());
    }
    try {
      return type.decodeBinary(bytes);
    } catch (SqlStateException e) {
      if (e.state() == SqlState.INVALID_BINARY_REPRESENTATION) {
        // PostgreSQL names the parameter, not the type, for a value of the wrong shape.
        throw new SqlStateException(
            SqlState.INVALID_BINARY_REPRESENTATION,
            "incorrect binary data format in bind parameter " + (index + 1));
      }
      throw e;
    }
  }
}
