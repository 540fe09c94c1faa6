package org.yggdrasil.storage.nativestore;

import java.util.List;

/** A schema made with CREATE SCHEMA ({@code public} always exists and is not stored). */
public record SchemaDef(String name) {
  public static final String KIND = "schema";

  public CatalogEntry toEntry() {
    return new CatalogEntry(KIND, name, List.of(""));
  }

  static SchemaDef of(CatalogEntry e) {
    return new SchemaDef(e.name());
  }
}
