package org.yggdrasil.catalog.tables;

import java.util.Objects;

/**
 * One column of a table an attached system exposes.
 *
 * @param name the column name (lower case, as SQL sees it unquoted)
 * @param pgType the PostgreSQL type name: {@code text}, {@code bigint}, {@code integer}, {@code
 *     double precision}, {@code boolean}, {@code bytea}, {@code numeric}, {@code date}, {@code
 *     timestamp with time zone}. Values cross the API as Java {@code String}, {@code Long},
 *     {@code Integer}, {@code Double}, {@code Boolean}, {@code byte[]}, {@code BigDecimal},
 *     {@code LocalDate} and {@code OffsetDateTime}; null is SQL NULL.
 * @param nullable whether the column may hold NULL
 */
public record ColumnSpec(String name, String pgType, boolean nullable) {
  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pgType, "pgType");
  }
}
