package org.yggdrasil.storage.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.catalog.tables.TableSpec;

/**
 * A JSON-lines file (one object per line) as a table: the union of the objects' keys, in order
 * of first appearance, are the columns; JSON numbers, booleans and strings typed as in {@link
 * ValueTypes} (strings holding dates are dates); nested objects and arrays are text holding JSON.
 */
final class JsonLinesTable implements TableFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String fileName;
  private final List<String> keys;
  private final TableSpec spec;
  private final List<TableRow> rows;

  private JsonLinesTable(String fileName, List<String> keys, TableSpec spec, List<TableRow> rows) {
    this.fileName = fileName;
    this.keys = keys;
    this.spec = spec;
    this.rows = rows;
  }

  static JsonLinesTable parse(String fileName, String tableName, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, String> types = new LinkedHashMap<>();
    List<ObjectNode> objects = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    String[] split = text.split("\r?\n", -1);
    for (int i = 0; i < split.length; i++) {
      String line = split[i];
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw CsvCodec.badFormat(fileName, i + 1, "not JSON: " + e.getOriginalMessage());
      }
      if (!(node instanceof ObjectNode obj)) {
        throw CsvCodec.badFormat(fileName, i + 1, "a JSON value that is not an object");
      }
      obj.properties().forEach(e -> types.put(e.getKey(),
          ValueTypes.unify(types.get(e.getKey()), typeOf(e.getValue()))));
      objects.add(obj);
      lines.add(line);
    }
    List<String> keys = new ArrayList<>(types.keySet());
    List<String> names = Names.columns(keys);
    List<ColumnSpec> columns = new ArrayList<>();
    for (int c = 0; c < keys.size(); c++) {
      String t = types.get(keys.get(c));
      columns.add(new ColumnSpec(names.get(c), t == null ? ValueTypes.TEXT : t, true));
    }
    List<TableRow> rows = new ArrayList<>(objects.size());
    for (int r = 0; r < objects.size(); r++) {
      Object[] values = new Object[keys.size()];
      for (int c = 0; c < keys.size(); c++) {
        values[c] = valueOf(objects.get(r).get(keys.get(c)), columns.get(c).pgType());
      }
      rows.add(new TableRow(values, lines.get(r)));
    }
    return new JsonLinesTable(fileName, List.copyOf(keys),
        new TableSpec(tableName, columns, List.of(), true), List.copyOf(rows));
  }

  /** The type of one JSON value; null for JSON null (no evidence). */
  private static String typeOf(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return ValueTypes.BOOLEAN;
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? ValueTypes.BIGINT : ValueTypes.DOUBLE;
    }
    if (v.isNumber()) {
      return ValueTypes.DOUBLE;
    }
    if (v.isTextual()) {
      String t = ValueTypes.classify(v.asText());
      // Only strings that look like dates keep a non-text type; "42" in quotes stays text.
      return t.equals(ValueTypes.DATE) || t.equals(ValueTypes.TIMESTAMPTZ) ? t : ValueTypes.TEXT;
    }
    return ValueTypes.TEXT;
  }

  private static Object valueOf(JsonNode v, String type) {
    if (v == null || v.isNull()) {
      return null;
    }
    return switch (type) {
      case ValueTypes.BOOLEAN -> v.asBoolean();
      case ValueTypes.BIGINT -> v.asLong();
      case ValueTypes.DOUBLE -> v.asDouble();
      case ValueTypes.DATE, ValueTypes.TIMESTAMPTZ -> ValueTypes.parse(v.asText(), type);
      default -> v.isTextual() ? v.asText() : v.toString();
    };
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }

  @Override
  public String header() {
    return null;
  }

  @Override
  public List<TableRow> rows() {
    return rows;
  }

  @Override
  public byte[] render(List<TableRow> out) {
    StringBuilder sb = new StringBuilder();
    for (TableRow row : out) {
      sb.append(row.source() instanceof String line ? line : toJson(row.values())).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String toJson(Object[] values) {
    ObjectNode obj = JSON.createObjectNode();
    for (int c = 0; c < keys.size(); c++) {
      Object v = values[c];
      String key = keys.get(c);
      switch (v) {
        case null -> obj.putNull(key);
        case Long l -> obj.put(key, l);
        case Double d -> obj.put(key, d);
        case Boolean b -> obj.put(key, b);
        default -> obj.put(key, ValueTypes.render(v));
      }
    }
    try {
      return JSON.writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw new SqlStateException(SqlState.INTERNAL_ERROR, "could not write JSON: " + e.getMessage());
    }
  }
}
