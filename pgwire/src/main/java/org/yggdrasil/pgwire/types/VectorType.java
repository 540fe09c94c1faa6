package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.planner.session.PgOid;

/**
 * The catalog vector types {@code int2vector} (pg_index.indkey) and {@code oidvector}
 * (pg_proc.proargtypes): text is the elements separated by single spaces ({@code 1 3}); binary
 * is the one-dimensional array format. Java value: a List of Short / Long.
 */
public final class VectorType extends PgType {
  public static final VectorType INT2VECTOR =
      new VectorType(PgOid.INT2VECTOR, "int2vector", Int2Type.INSTANCE);
  public static final VectorType OIDVECTOR = new VectorType(30, "oidvector", OidType.INSTANCE);

  private final PgType element;
  private final ArrayType binary;

  private VectorType(int oid, String name, PgType element) {
    super(oid, name, name);
    this.element = element;
    this.binary = new ArrayType(oid, element);
  }

  @Override
  protected String formatText(Object value) {
    StringBuilder sb = new StringBuilder();
    for (Object e : list(value)) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(element.encodeText(e));
    }
    return sb.toString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    binary.writeBinary(out, list(value));
  }

  @Override
  public Object decodeText(String text) {
    List<Object> values = new ArrayList<>();
    for (String part : text.strip().split("\\s+")) {
      if (!part.isEmpty()) {
        values.add(element.decodeText(part));
      }
    }
    return values;
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    return binary.decodeBinary(in);
  }

  private List<?> list(Object value) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw unexpected(value);
  }
}
