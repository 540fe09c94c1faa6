package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Objects;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * One PostgreSQL data type with its text and binary wire formats.
 *
 * <p>Encoding takes the Java value {@link org.yggdrasil.planner.session.PgOid} assigns to the
 * type (never null: NULL is the DataRow length -1, handled by the caller). A {@link String}
 * value is accepted for every type: it is taken as the value's text form, sent as is in text
 * format and parsed with {@link #decodeText} for binary format — so an engine may hand over a
 * value it has only as text.
 *
 * <p>Decoding (Bind parameters) returns the same Java types and throws {@link
 * SqlStateException} with PostgreSQL's SQLSTATE and wording for malformed input: 22P02 {@code
 * invalid input syntax for type integer: "abc"}, 22003 for out-of-range values, 22P03 for binary
 * values of the wrong shape.
 */
public abstract class PgType {
  private final int oid;
  private final String typname;
  private final String sqlName;

  /**
   * @param oid the pg_type OID
   * @param typname the pg_type name ({@code int4})
   * @param sqlName the name PostgreSQL's error messages use ({@code integer})
   */
  protected PgType(int oid, String typname, String sqlName) {
    this.oid = oid;
    this.typname = Objects.requireNonNull(typname, "typname");
    this.sqlName = Objects.requireNonNull(sqlName, "sqlName");
  }

  public final int oid() {
    return oid;
  }

  /** The pg_type name, e.g. {@code int4}. */
  public final String typname() {
    return typname;
  }

  /** The SQL name PostgreSQL uses in messages, e.g. {@code integer}. */
  public final String sqlName() {
    return sqlName;
  }

  /** False for types that only have a text format here (a Bind asking for binary is refused). */
  public boolean supportsBinary() {
    return true;
  }

  /** The text format of a non-null value, as PostgreSQL's output function prints it. */
  public final String encodeText(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof String s) {
      return s;
    }
    return formatText(value);
  }

  /** Appends the text format of a non-null value (UTF-8, no length prefix). */
  public void writeText(ByteBuf out, Object value) {
    ByteBufUtil.writeUtf8(out, encodeText(value));
  }

  /** Appends the binary format of a non-null value (no length prefix). */
  public final void writeBinary(ByteBuf out, Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof String s) {
      value = decodeText(s); // identity for the text family
    }
    writeBinaryValue(out, value);
  }

  /** The binary format of a non-null value as a byte array (tests, arrays). */
  public final byte[] encodeBinary(Object value) {
    ByteBuf buf = Unpooled.buffer();
    try {
      writeBinary(buf, value);
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  /** Parses the text format (a Bind parameter in format 0, an array element). */
  public abstract Object decodeText(String text);

  /**
   * Parses the binary format; {@code in} holds exactly the value's bytes and must be consumed
   * completely.
   */
  public final Object decodeBinary(ByteBuf in) {
    Object value = readBinary(in);
    if (in.isReadable()) {
      throw binaryFormat();
    }
    return value;
  }

  /** Parses the binary format from a byte array. */
  public final Object decodeBinary(byte[] bytes) {
    return decodeBinary(Unpooled.wrappedBuffer(bytes));
  }

  /** Formats a value that is not a String. */
  protected abstract String formatText(Object value);

  /** Writes a value that is not a String (or, for text types, is one). */
  protected abstract void writeBinaryValue(ByteBuf out, Object value);

  /** Reads the binary format; leftover bytes are an error the caller reports. */
  protected abstract Object readBinary(ByteBuf in);

  // ---- helpers for subclasses: PostgreSQL's error wording ----

  /** 22P02 {@code invalid input syntax for type integer: "abc"}. */
  protected final SqlStateException invalidText(String input) {
    return new SqlStateException(
        SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + sqlName + ": \"" + input + "\"");
  }

  /** 22003 {@code value "99999999999" is out of range for type integer}. */
  protected final SqlStateException outOfRange(String input) {
    return new SqlStateException(
        SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "value \"" + input + "\" is out of range for type " + sqlName);
  }

  /** 22P03: a binary value whose length or content does not fit the type. */
  protected final SqlStateException binaryFormat() {
    return new SqlStateException(
        SqlState.INVALID_BINARY_REPRESENTATION,
        "incorrect binary data format for type " + sqlName);
  }

  /** Requires exactly {@code n} readable bytes for a fixed-width binary value. */
  protected final void requireLength(ByteBuf in, int n) {
    if (in.readableBytes() != n) {
      throw binaryFormat();
    }
  }

  /** The engine handed over a Java value this type cannot encode: a bug, reported as XX000. */
  protected final SqlStateException unexpected(Object value) {
    return new SqlStateException(
        SqlState.INTERNAL_ERROR,
        "cannot send a " + value.getClass().getName() + " as type " + typname);
  }

  @Override
  public String toString() {
    return typname + "(" + oid + ")";
  }
}
