package org.yggdrasil.pgwire.it.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An entity with a sequence key, a relation, a version column and an index. */
@Entity
@Table(indexes = @Index(name = "book_title_idx", columnList = "title"))
public class Book {
  @Id
  @GeneratedValue
  public Long id;

  @Column(nullable = false, unique = true)
  public String isbn;

  public String title;

  @Column(precision = 10, scale = 2)
  public BigDecimal price;

  public LocalDate published;

  public boolean available;

  public Instant updatedAt;

  @Version
  public int version;

  @ManyToOne
  public Author author;
}
