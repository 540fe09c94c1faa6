package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yggdrasil.pgwire.it.orm.Ticket;

/**
 * Hibernate 7 with a Java enum mapped to a PostgreSQL enum type (@Enumerated(STRING) with
 * SqlTypes.NAMED_ENUM): hbm2ddl create makes the type and its casts from and to varchar,
 * entities persist and query by it, and validate accepts the schema.
 */
class HibernateEnumTest {
  @RegisterExtension static final TestServer server = new TestServer();

  private static SessionFactory sessionFactory(String ddl) {
    return new Configuration()
        .addAnnotatedClass(Ticket.class)
        .setProperty("hibernate.connection.url",
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/hibernate_enums")
        .setProperty("hibernate.connection.username", "ygg")
        .setProperty("hibernate.connection.password", "")
        .setProperty("hibernate.hbm2ddl.auto", ddl)
        .buildSessionFactory();
  }

  @Test
  void namedEnumColumnsPersistQueryAndValidate() throws Exception {
    try (Connection c = server.connect()) {
      Db.exec(c, "CREATE DATABASE hibernate_enums");
    }
    try (SessionFactory sf = sessionFactory("create")) {
      sf.inTransaction(s -> {
        for (Ticket.Priority p : List.of(Ticket.Priority.HIGH, Ticket.Priority.LOW,
            Ticket.Priority.MEDIUM)) {
          Ticket t = new Ticket();
          t.title = "t-" + p.name().toLowerCase(java.util.Locale.ROOT);
          t.priority = p;
          s.persist(t);
        }
      });
      sf.inTransaction(s -> {
        // Hibernate declares the labels sorted by name: HIGH, LOW, MEDIUM is the type's order.
        List<String> byPriority = s.createSelectionQuery(
            "select t.title from Ticket t order by t.priority desc", String.class).getResultList();
        assertEquals(List.of("t-medium", "t-low", "t-high"), byPriority);
        List<Ticket> urgent = s.createSelectionQuery(
            "from Ticket t where t.priority = :p", Ticket.class)
            .setParameter("p", Ticket.Priority.HIGH).getResultList();
        assertEquals(1, urgent.size());
        assertEquals(Ticket.Priority.HIGH, urgent.get(0).priority);
        urgent.get(0).priority = Ticket.Priority.LOW;
      });
      Long low = sf.fromTransaction(s -> s.createSelectionQuery(
          "select count(t) from Ticket t where t.priority = :p", Long.class)
          .setParameter("p", Ticket.Priority.LOW).getSingleResult());
      assertEquals(2L, low);
    }
    try (SessionFactory sf = sessionFactory("validate")) {
      Long all = sf.fromTransaction(s -> s.createSelectionQuery(
          "select count(t) from Ticket t", Long.class).getSingleResult());
      assertEquals(3L, all);
    }
    try (Connection c = server.connect("hibernate_enums", new java.util.Properties())) {
      assertEquals(List.of("HIGH", "LOW", "MEDIUM"), Db.lines(c, "SELECT e.enumlabel FROM pg_enum e"
          + " JOIN pg_type t ON t.oid = e.enumtypid ORDER BY e.enumsortorder"));
    }
  }
}
