package org.yggdrasil.storage.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.catalog.tables.TableSpec;

/** A CSV file with a header row as a table; column types inferred from the fields. */
final class CsvTable implements TableFile {
  private final String fileName;
  private final String headerLine;
  private final int width;
  private final String eol;
  private final TableSpec spec;
  private final List<TableRow> rows;

  private CsvTable(String fileName, String headerLine, String eol, TableSpec spec, List<TableRow> rows) {
    this.fileName = fileName;
    this.headerLine = headerLine;
    this.width = spec.columns().size();
    this.eol = eol;
    this.spec = spec;
    this.rows = rows;
  }

  static CsvTable parse(String fileName, String tableName, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<CsvCodec.Record> records = CsvCodec.parse(text, fileName);
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    String[] header = records.isEmpty() ? new String[0] : records.getFirst().fields();
    List<String> names = Names.columns(Arrays.asList(header));
    int width = header.length;
    String[] types = new String[width];
    for (int r = 1; r < records.size(); r++) {
      String[] rec = records.get(r).fields();
      if (rec.length > width) {
        throw CsvCodec.badFormat(fileName, r + 1, "record " + r + " has " + rec.length
            + " fields but the header has " + width);
      }
      for (int c = 0; c < rec.length; c++) {
        if (rec[c] != null) {
          types[c] = ValueTypes.unify(types[c], ValueTypes.classify(rec[c]));
        }
      }
    }
    List<ColumnSpec> columns = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      columns.add(new ColumnSpec(names.get(c), types[c] == null ? ValueTypes.TEXT : types[c], true));
    }
    List<TableRow> rows = new ArrayList<>(Math.max(0, records.size() - 1));
    for (int r = 1; r < records.size(); r++) {
      String[] rec = records.get(r).fields();
      Object[] values = new Object[width];
      for (int c = 0; c < rec.length; c++) {
        String type = columns.get(c).pgType();
        // A quoted empty field in a non-text column has no value but NULL.
        values[c] = rec[c] == null || (rec[c].isEmpty() && !type.equals(ValueTypes.TEXT))
            ? null : ValueTypes.parse(rec[c], type);
      }
      rows.add(new TableRow(values, records.get(r).text()));
    }
    return new CsvTable(fileName, records.isEmpty() ? null : records.getFirst().text(), eol,
        new TableSpec(tableName, columns, List.of(), true), List.copyOf(rows));
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
    return headerLine;
  }

  @Override
  public List<TableRow> rows() {
    return rows;
  }

  @Override
  public byte[] render(List<TableRow> out) {
    StringBuilder sb = new StringBuilder();
    if (headerLine != null) {
      sb.append(headerLine).append(eol);
    }
    for (TableRow row : out) {
      if (row.source() instanceof String line) {
        sb.append(line).append(eol);
        continue;
      }
      String[] fields = new String[width];
      for (int c = 0; c < fields.length; c++) {
        fields[c] = ValueTypes.render(row.values()[c]);
      }
      CsvCodec.appendRecord(sb, fields, eol);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
