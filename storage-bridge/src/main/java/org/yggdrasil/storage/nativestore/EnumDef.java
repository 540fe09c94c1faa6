package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An enum type (CREATE TYPE name AS ENUM): its OID and its array type's OID (pg_type), and its
 * labels in creation order, each with the OID pg_enum shows and its sort order. Labels added with
 * ALTER TYPE … ADD VALUE BEFORE/AFTER get a sort order between their neighbours, as in
 * PostgreSQL, so values compare by {@link Label#sortOrder()}, not by position or spelling.
 */
public record EnumDef(String name, long oid, long arrayOid, List<Label> labels) {
  public static final String KIND = "enum";

  /** One value of the type. */
  public record Label(String label, long oid, double sortOrder) {
    public Label {
      Objects.requireNonNull(label, "label");
    }
  }

  public EnumDef {
    Objects.requireNonNull(name, "name");
    labels = List.copyOf(labels);
  }

  /** The labels in sort order. */
  public List<Label> sorted() {
    List<Label> out = new ArrayList<>(labels);
    out.sort(java.util.Comparator.comparingDouble(Label::sortOrder));
    return out;
  }

  /** The label with this spelling, or null. */
  public Label label(String text) {
    for (Label l : labels) {
      if (l.label().equals(text)) {
        return l;
      }
    }
    return null;
  }

  public EnumDef withLabels(List<Label> newLabels) {
    return new EnumDef(name, oid, arrayOid, newLabels);
  }

  public CatalogEntry toEntry() {
    List<String> fields = new ArrayList<>();
    fields.add(Long.toString(oid));
    fields.add(Long.toString(arrayOid));
    for (Label l : labels) {
      fields.add(l.label());
      fields.add(Long.toString(l.oid()));
      fields.add(Double.toString(l.sortOrder()));
    }
    return new CatalogEntry(KIND, name, fields);
  }

  static EnumDef of(CatalogEntry e) {
    List<String> f = e.fields();
    List<Label> labels = new ArrayList<>();
    for (int i = 2; i + 2 < f.size(); i += 3) {
      labels.add(new Label(f.get(i), Long.parseLong(f.get(i + 1)), Double.parseDouble(f.get(i + 2))));
    }
    return new EnumDef(e.name(), Long.parseLong(f.get(0)), Long.parseLong(f.get(1)), labels);
  }
}
