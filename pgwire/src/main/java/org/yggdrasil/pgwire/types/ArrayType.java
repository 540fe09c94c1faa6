package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * An array type ({@code _int4}, {@code _text}, ...) over an element {@link PgType}. Java value:
 * {@link List} of element values (null for NULL), nested Lists for more dimensions; Object[] and
 * primitive arrays are accepted when encoding.
 *
 * <p>Text format ({@code array_out}): {@code {1,2,NULL}}, {@code {{1,2},{3,4}}}; an element is
 * double-quoted (with {@code \"} and {@code \\} escapes) when it is empty, equals NULL in any
 * case, or contains braces, quotes, commas, backslashes or whitespace: {@code {"a b",c}}.
 *
 * <p>Binary format ({@code array_send}):
 *
 * <pre>
 *   int32 ndim         0 for an empty array
 *   int32 flags        1 if any element is NULL, else 0
 *   int32 elemtype     element type OID
 *   ndim x (int32 size, int32 lower bound = 1)
 *   each element, row-major: int32 length (-1 for NULL), then that many bytes
 * </pre>
 */
public final class ArrayType extends PgType {
  private static final int MAX_DIMENSIONS = 6;
  private final PgType element;

  public ArrayType(int oid, PgType element) {
    super(oid, "_" + element.typname(), element.sqlName() + "[]");
    this.element = element;
  }

  public PgType element() {
    return element;
  }

  @Override
  public boolean supportsBinary() {
    return element.supportsBinary();
  }

  // ---- text ----

  @Override
  protected String formatText(Object value) {
    StringBuilder sb = new StringBuilder();
    appendText(sb, asList(value));
    return sb.toString();
  }

  private void appendText(StringBuilder sb, List<?> list) {
    sb.append('{');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object e = list.get(i);
      if (e == null) {
        sb.append("NULL");
      } else if (isNested(e)) {
        appendText(sb, asList(e));
      } else {
        appendQuoted(sb, element.encodeText(e));
      }
    }
    sb.append('}');
  }

  private static void appendQuoted(StringBuilder sb, String s) {
    if (!needsQuotes(s)) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{' || c == '}' || c == '"' || c == ',' || c == '\\'
          || IntegerParser.isSpace(c)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object decodeText(String text) {
    return new ArrayLiteralParser(text, element, this).parse();
  }

  /** 22P02 {@code malformed array literal: "..."}. */
  SqlStateException malformed(String text) {
    return new SqlStateException(
        SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"");
  }

  // ---- binary ----

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    List<?> list = asList(value);
    if (list.isEmpty()) {
      out.writeInt(0).writeInt(0).writeInt(element.oid());
      return;
    }
    List<Integer> dims = new ArrayList<>();
    List<Object> flat = new ArrayList<>();
    shape(list, 0, dims, flat);
    if (dims.size() > MAX_DIMENSIONS) {
      throw tooManyDimensions(dims.size());
    }
    boolean hasNull = flat.contains(null);
    out.writeInt(dims.size()).writeInt(hasNull ? 1 : 0).writeInt(element.oid());
    for (int size : dims) {
      out.writeInt(size).writeInt(1);
    }
    for (Object e : flat) {
      if (e == null) {
        out.writeInt(-1);
        continue;
      }
      int lengthAt = out.writerIndex();
      out.writeInt(0);
      element.writeBinary(out, e);
      out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
  }

  /** Records each dimension's size from the first list at that depth and requires the rest match. */
  private void shape(List<?> list, int depth, List<Integer> dims, List<Object> flat) {
    if (dims.size() == depth) {
      dims.add(list.size());
    } else if (dims.get(depth) != list.size()) {
      throw ragged();
    }
    boolean nested = !list.isEmpty() && list.get(0) != null && isNested(list.get(0));
    for (Object e : list) {
      if (nested) {
        if (e == null || !isNested(e)) {
          throw ragged();
        }
        shape(asList(e), depth + 1, dims, flat);
      } else {
        if (e != null && isNested(e)) {
          throw ragged();
        }
        if (depth + 1 != dims.size()) {
          throw ragged();
        }
        flat.add(e);
      }
    }
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    if (in.readableBytes() < 12) {
      throw binaryFormat();
    }
    int ndim = in.readInt();
    int flags = in.readInt();
    int elemOid = in.readInt();
    if (ndim < 0 || ndim > MAX_DIMENSIONS) {
      throw tooManyDimensions(ndim);
    }
    if (flags != 0 && flags != 1) {
      throw new SqlStateException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid array flags");
    }
    if (elemOid != element.oid()) {
      throw new SqlStateException(
          SqlState.DATATYPE_MISMATCH,
          "binary data has array element type " + Integer.toUnsignedString(elemOid)
              + " instead of expected " + element.oid() + " (" + element.typname() + ")");
    }
    if (ndim == 0) {
      return List.of();
    }
    if (in.readableBytes() < ndim * 8) {
      throw binaryFormat();
    }
    int[] dims = new int[ndim];
    long total = 1;
    for (int i = 0; i < ndim; i++) {
      dims[i] = in.readInt();
      in.readInt(); // lower bound: Java lists are 0-based, the bound is not kept
      if (dims[i] < 0) {
        throw binaryFormat();
      }
      total *= dims[i];
      if (total > in.readableBytes() / 4 + 1) {
        throw binaryFormat(); // every element needs at least its length word
      }
    }
    return readDimension(in, dims, 0);
  }

  private List<Object> readDimension(ByteBuf in, int[] dims, int depth) {
    List<Object> list = new ArrayList<>(dims[depth]);
    for (int i = 0; i < dims[depth]; i++) {
      if (depth + 1 < dims.length) {
        list.add(readDimension(in, dims, depth + 1));
        continue;
      }
      if (in.readableBytes() < 4) {
        throw binaryFormat();
      }
      int length = in.readInt();
      if (length == -1) {
        list.add(null);
      } else if (length < 0 || length > in.readableBytes()) {
        throw binaryFormat();
      } else {
        list.add(element.decodeBinary(in.readSlice(length)));
      }
    }
    return list;
  }

  // ---- helpers ----

  private static boolean isNested(Object e) {
    return e instanceof List<?> || (e.getClass().isArray() && !(e instanceof byte[]));
  }

  private List<?> asList(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Object[] array) {
      return Arrays.asList(array);
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      int n = Array.getLength(value);
      List<Object> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(Array.get(value, i));
      }
      return list;
    }
    throw unexpected(value);
  }

  private static SqlStateException ragged() {
    return new SqlStateException(
        SqlState.INVALID_TEXT_REPRESENTATION,
        "multidimensional arrays must have array expressions with matching dimensions");
  }

  private static SqlStateException tooManyDimensions(int ndim) {
    return new SqlStateException(
        SqlState.PROGRAM_LIMIT_EXCEEDED,
        "number of array dimensions (" + ndim + ") exceeds the maximum allowed ("
            + MAX_DIMENSIONS + ")");
  }
}
