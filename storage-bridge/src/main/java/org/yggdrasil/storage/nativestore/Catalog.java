package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database-level catalog objects of one snapshot (views, sequences, comments, schemas, enums),
 * read-only. Tables and their
 * indexes are not here: they are {@link Snapshot#tables()} and {@link TableSchema#indexes()}.
 */
public final class Catalog {
  static final Catalog EMPTY = new Catalog(Map.of());

  /** kind → name → entry, both sorted. */
  private final Map<String, TreeMap<String, CatalogEntry>> entries;

  private Catalog(Map<String, TreeMap<String, CatalogEntry>> entries) {
    this.entries = entries;
  }

  static Catalog of(List<CatalogEntry> list) {
    Map<String, TreeMap<String, CatalogEntry>> m = new TreeMap<>();
    for (CatalogEntry e : list) {
      m.computeIfAbsent(e.kind(), k -> new TreeMap<>()).put(e.name(), e);
    }
    return new Catalog(m);
  }

  /** The entry of this kind and name, or null. */
  public CatalogEntry entry(String kind, String name) {
    TreeMap<String, CatalogEntry> byName = entries.get(kind);
    return byName == null ? null : byName.get(name);
  }

  /** Every entry, sorted by kind, then name. */
  public List<CatalogEntry> all() {
    List<CatalogEntry> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<String, CatalogEntry>> kind : new TreeMap<>(entries).entrySet()) {
      out.addAll(kind.getValue().values());
    }
    return Collections.unmodifiableList(out);
  }

  /** The entries of one kind, sorted by name. */
  public List<CatalogEntry> entries(String kind) {
    TreeMap<String, CatalogEntry> byName = entries.get(kind);
    return byName == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /** The view with this name, or null. */
  public ViewDef view(String name) {
    CatalogEntry e = entry(ViewDef.KIND, name);
    return e == null ? null : ViewDef.of(e);
  }

  /** All views, sorted by name. */
  public List<ViewDef> views() {
    return entries(ViewDef.KIND).stream().map(ViewDef::of).toList();
  }

  /** The sequence with this name, or null. */
  public SequenceDef sequence(String name) {
    CatalogEntry e = entry(SequenceDef.KIND, name);
    return e == null ? null : SequenceDef.of(e);
  }

  /** All sequences, sorted by name. */
  public List<SequenceDef> sequences() {
    return entries(SequenceDef.KIND).stream().map(SequenceDef::of).toList();
  }

  /** The comment on a relation ({@code column} null) or column, or null. */
  public CommentDef comment(String relation, String column) {
    CatalogEntry e = entry(CommentDef.KIND, CommentDef.key(relation, column));
    return e == null ? null : CommentDef.of(e);
  }

  /** All comments, sorted by relation then column. */
  public List<CommentDef> comments() {
    return entries(CommentDef.KIND).stream().map(CommentDef::of).toList();
  }

  /** The schema made with CREATE SCHEMA with this name, or null. */
  public SchemaDef schema(String name) {
    CatalogEntry e = entry(SchemaDef.KIND, name);
    return e == null ? null : SchemaDef.of(e);
  }

  /** The schemas made with CREATE SCHEMA, sorted by name ({@code public} is not among them). */
  public List<SchemaDef> schemas() {
    return entries(SchemaDef.KIND).stream().map(SchemaDef::of).toList();
  }

  /** The enum type with this name, or null. */
  public EnumDef enumType(String name) {
    CatalogEntry e = entry(EnumDef.KIND, name);
    return e == null ? null : EnumDef.of(e);
  }

  /** All enum types, sorted by name. */
  public List<EnumDef> enumTypes() {
    return entries(EnumDef.KIND).stream().map(EnumDef::of).toList();
  }
}
