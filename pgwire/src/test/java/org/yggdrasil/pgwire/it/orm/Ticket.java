package org.yggdrasil.pgwire.it.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entity with a PostgreSQL enum column: Hibernate's named-enum mapping of a Java enum. */
@Entity
public class Ticket {
  /** Mapped to the PostgreSQL type {@code Priority}, whose sort order is declaration order. */
  public enum Priority { LOW, MEDIUM, HIGH }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String title;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.NAMED_ENUM)
  @Column(nullable = false)
  public Priority priority;
}
