package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yggdrasil.pgwire.it.orm.Author;
import org.yggdrasil.pgwire.it.orm.Book;

/** Hibernate 7 boots with hbm2ddl create and validate, persists and queries related entities. */
class HibernateTest {
  @RegisterExtension static final TestServer server = new TestServer();

  private static SessionFactory sessionFactory(String database, String ddl) {
    return new Configuration()
        .addAnnotatedClass(Author.class)
        .addAnnotatedClass(Book.class)
        .setProperty("hibernate.connection.url",
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database)
        .setProperty("hibernate.connection.username", "ygg")
        .setProperty("hibernate.connection.password", "")
        .setProperty("hibernate.hbm2ddl.auto", ddl)
        .buildSessionFactory();
  }

  @Test
  void createPersistQueryUpdateDeleteThenValidate() throws Exception {
    try (Connection c = server.connect()) {
      Db.exec(c, "CREATE DATABASE hibernate_shop");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Long bookId;
    try (SessionFactory sf = sessionFactory("hibernate_shop", "create")) {
      bookId = sf.fromTransaction(s -> {
        Author a = new Author();
        a.name = "Ursula";
        s.persist(a);
        Book b = new Book();
        b.isbn = "978-0-06-093546-7";
        b.title = "The Dispossessed";
        b.price = new BigDecimal("12.50");
        b.published = LocalDate.of(1974, 5, 1);
        b.available = true;
        b.updatedAt = now;
        b.author = a;
        s.persist(b);
        return b.id;
      });
      assertNotNull(bookId);
      sf.inTransaction(s -> {
        Book b = s.find(Book.class, bookId);
        assertEquals("The Dispossessed", b.title);
        assertEquals(new BigDecimal("12.50"), b.price);
        assertEquals(now, b.updatedAt);
        assertEquals("Ursula", b.author.name);
        b.price = new BigDecimal("13.00");
      });
      sf.inTransaction(s -> {
        List<Book> found = s.createSelectionQuery(
            "from Book b where b.title like :t order by b.id", Book.class)
            .setParameter("t", "The %").setMaxResults(10).getResultList();
        assertEquals(1, found.size());
        assertEquals(1, found.get(0).version, "the update bumped the version");
        Long count = s.createSelectionQuery(
            "select count(b) from Book b join b.author a where a.name = :n", Long.class)
            .setParameter("n", "Ursula").getSingleResult();
        assertEquals(1L, count);
        s.remove(found.get(0));
      });
      Long left = sf.fromTransaction(s -> s.createSelectionQuery(
          "select count(b) from Book b", Long.class).getSingleResult());
      assertEquals(0L, left);
    }
    try (SessionFactory sf = sessionFactory("hibernate_shop", "validate")) {
      Long authors = sf.fromTransaction(s -> s.createSelectionQuery(
          "select count(a) from Author a", Long.class).getSingleResult());
      assertEquals(1L, authors);
    }
  }
}
