package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The query surface of the walking skeleton, each expectation as PostgreSQL 15 answers it. Values
 * are compared as the text pgjdbc reads, i.e. PostgreSQL's output format.
 */
class QueryTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private Connection c;

  @BeforeAll
  static void data() throws SQLException {
    try (Connection c = server.connect()) {
      exec(
          c,
          "DROP TABLE IF EXISTS q_emp",
          "DROP TABLE IF EXISTS q_dept",
          "CREATE TABLE q_dept (id int4 PRIMARY KEY, name text NOT NULL)",
          "INSERT INTO q_dept VALUES (1, 'Engineering'), (2, 'Sales'), (3, 'Marketing'), (4, 'Legal')",
          "CREATE TABLE q_emp (id int4 PRIMARY KEY, name text NOT NULL, dept_id int4,"
              + " salary numeric(10,2), hired date)",
          "INSERT INTO q_emp VALUES"
              + " (1, 'Alice', 1, 120000.00, '2020-01-15'),"
              + " (2, 'Bob', 1, 95000.00, '2021-06-01'),"
              + " (3, 'Carol', 2, 70000.00, '2019-03-10'),"
              + " (4, 'Dan', 2, 65000.00, '2022-11-30'),"
              + " (5, 'Eve', 3, 80000.00, '2018-07-04'),"
              + " (6, 'Frank', NULL, 50000.00, '2023-02-28')");
    }
  }

  @AfterAll
  static void dropData() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS q_emp", "DROP TABLE IF EXISTS q_dept");
    }
  }

  @BeforeEach
  void open() throws SQLException {
    c = server.connect();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void whereAndOrderBy() throws SQLException {
    assertEquals(list("Alice", "Bob"), lines(c, "SELECT name FROM q_emp WHERE salary > 75000 AND dept_id = 1 ORDER BY name"));
    assertEquals(
        list("Dan", "Eve"),
        lines(c, "SELECT name FROM q_emp WHERE (salary BETWEEN 60000 AND 85000) AND name <> 'Carol' ORDER BY 1"));
    assertEquals(list("Carol", "Dan"), lines(c, "SELECT name FROM q_emp WHERE dept_id IN (2, 4) ORDER BY name"));
    assertEquals(list("Frank"), lines(c, "SELECT name FROM q_emp WHERE dept_id IS NULL"));
    assertEquals(list("Alice", "Carol", "Dan", "Frank"), lines(c, "SELECT name FROM q_emp WHERE name LIKE '%a%' OR name LIKE 'A%' ORDER BY name"));
    assertEquals(list("Bob", "Eve"), lines(c, "SELECT name FROM q_emp WHERE name NOT LIKE '%a%' AND name NOT LIKE 'A%' ORDER BY name"));
    assertEquals(list("Alice"), lines(c, "SELECT name FROM q_emp WHERE name ILIKE 'ali%'"));
    assertEquals("5", one(c, "SELECT count(*) FROM q_emp WHERE dept_id IS DISTINCT FROM 3"));
    // PostgreSQL sorts NULLs last ascending and first descending.
    assertEquals(
        list("Frank|NULL", "Eve|3", "Carol|2", "Dan|2", "Alice|1", "Bob|1"),
        lines(c, "SELECT name, dept_id FROM q_emp ORDER BY dept_id DESC, name"));
    assertEquals(
        list("Alice|1", "Bob|1", "Carol|2", "Dan|2", "Eve|3", "Frank|NULL"),
        lines(c, "SELECT name, dept_id FROM q_emp ORDER BY dept_id, name"));
    assertEquals(
        list("Frank", "Alice"),
        lines(c, "SELECT name FROM q_emp ORDER BY dept_id NULLS FIRST, salary DESC LIMIT 2"));
    assertEquals(list("Eve", "Carol"), lines(c, "SELECT name FROM q_emp ORDER BY hired LIMIT 2"));
  }

  @Test
  void dayOfWeekCountsFromSundayZero() throws SQLException {
    // 2026-11-29 is a Sunday, 2026-11-28 a Saturday
    assertEquals(list("0|0|7|6|6"), lines(c, "SELECT extract(dow FROM DATE '2026-11-29'),"
        + " date_part('dow', DATE '2026-11-29'), extract(isodow FROM DATE '2026-11-29'),"
        + " extract(DOW FROM TIMESTAMP '2026-11-28 23:59:00'), date_part('DOW', DATE '2026-11-28')"));
    exec(c, "DROP TABLE IF EXISTS q_week", "CREATE TABLE q_week (d date)",
        "INSERT INTO q_week SELECT DATE '2026-11-22' + g FROM generate_series(0, 13) g");
    assertEquals(list("0|2", "1|2", "2|2", "3|2", "4|2", "5|2", "6|2"),
        lines(c, "SELECT extract(dow FROM d), count(*) FROM q_week GROUP BY 1 ORDER BY 1"));
    assertEquals(list("2026-11-22", "2026-11-29"),
        lines(c, "SELECT d FROM q_week WHERE extract(dow FROM d) = 0 ORDER BY d"));
  }

  @Test
  void filteredAggregatesAreLabelledAfterTheirFunction() throws SQLException {
    try (var rs = c.createStatement().executeQuery("SELECT count(*) FILTER (WHERE x > 1),"
        + " sum(x) FILTER (WHERE x < 3), avg(x) FILTER (WHERE true) AS a FROM (VALUES (1), (2), (3)) v(x)")) {
      assertEquals("count", rs.getMetaData().getColumnLabel(1));
      assertEquals("sum", rs.getMetaData().getColumnLabel(2));
      assertEquals("a", rs.getMetaData().getColumnLabel(3));
      assertTrue(rs.next());
      assertEquals(2, rs.getLong(1));
      assertEquals(3, rs.getLong(2));
    }
  }

  @Test
  void setReturningFunctionsInTheSelectList() throws SQLException {
    // As PostgreSQL 15: unnest and generate_subscripts run in lockstep, once per FROM row.
    assertEquals(list("3|1|3", "4|2|2", "5|3|1"), lines(c, "SELECT unnest(ARRAY[3,4,5]),"
        + " generate_subscripts(ARRAY[3,4,5], 1), generate_subscripts(ARRAY[3,4,5], 1, true)"));
    try (var rs = c.createStatement().executeQuery(
        "SELECT unnest(ARRAY[1]), generate_subscripts(ARRAY[1], 1)")) {
      assertEquals("unnest", rs.getMetaData().getColumnLabel(1));
      assertEquals("generate_subscripts", rs.getMetaData().getColumnLabel(2));
    }
    assertEquals(list("1|1", "1|10", "2|2", "2|20"), lines(c,
        "SELECT d.id, unnest(ARRAY[d.id, d.id * 10]) v FROM q_dept d WHERE d.id <= 2"
            + " ORDER BY 1, 2"));
    // SQLAlchemy's primary-key reflection: key columns in key order.
    exec(c, "DROP TABLE IF EXISTS q_pair",
        "CREATE TABLE q_pair (a int, b int, c text, PRIMARY KEY (b, a))");
    assertEquals(list("b", "a"), lines(c, "SELECT a.attname FROM pg_attribute a JOIN ("
        + " SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord"
        + " FROM pg_index ix WHERE ix.indrelid = 'q_pair'::regclass AND ix.indisprimary) k"
        + " ON a.attnum = k.attnum WHERE a.attrelid = 'q_pair'::regclass ORDER BY k.ord"));
    exec(c, "DROP TABLE q_pair");
    failsWith("0A000", () -> lines(c, "SELECT generate_subscripts(ARRAY[1], id) FROM q_dept"));
  }

  @Test
  void jsonBuildObject() throws SQLException {
    assertEquals("{\"a\" : 1, \"b\" : true, \"c\" : \"x\", \"d\" : null, \"e\" : 2.50}",
        one(c, "SELECT json_build_object('a', 1, 'b', true, 'c', 'x', 'd', NULL, 'e', 2.50)"));
    assertEquals("{\"k\": \"q\\\"uote\"}", one(c, "SELECT jsonb_build_object('k', 'q\"uote')"));
  }

  /** PostgreSQL allows WHERE without FROM; migrations use it to insert a row only once. */
  @Test
  void whereWithoutFrom() throws SQLException {
    assertEquals(list("1"), lines(c, "SELECT 1 WHERE 1 = 1"));
    assertEquals(list(), lines(c, "SELECT 1 WHERE false"));
    assertEquals(list("Alice"), lines(c,
        "SELECT name FROM q_emp WHERE id IN (SELECT 1 WHERE true)"));
    exec(c, "DROP TABLE IF EXISTS q_once", "CREATE TABLE q_once (k text PRIMARY KEY, v int)");
    for (int i = 0; i < 2; i++) {
      exec(c, "INSERT INTO q_once SELECT 'a', 1 WHERE NOT EXISTS (SELECT 1 FROM q_once WHERE k = 'a')");
    }
    assertEquals("1", one(c, "SELECT count(*) FROM q_once"));
    exec(c, "DROP TABLE q_once");
  }

  @Test
  void limitOffsetAndDistinct() throws SQLException {
    assertEquals(list("4", "5"), lines(c, "SELECT id FROM q_emp ORDER BY id LIMIT 2 OFFSET 3"));
    assertEquals(list("6"), lines(c, "SELECT id FROM q_emp ORDER BY id OFFSET 5"));
    assertEquals(list(), lines(c, "SELECT id FROM q_emp ORDER BY id LIMIT 0"));
    assertEquals(list("1", "2"), lines(c, "SELECT id FROM q_emp ORDER BY id FETCH FIRST 2 ROWS ONLY"));
    assertEquals(list("1", "2", "3", "NULL"), lines(c, "SELECT DISTINCT dept_id FROM q_emp ORDER BY dept_id"));
    assertEquals(list("3|6|5"), lines(c, "SELECT count(DISTINCT dept_id), count(*), count(dept_id) FROM q_emp"));
  }

  @Test
  void joins() throws SQLException {
    assertEquals(
        list("Alice|Engineering", "Bob|Engineering", "Carol|Sales", "Dan|Sales", "Eve|Marketing"),
        lines(c, "SELECT e.name, d.name FROM q_emp e JOIN q_dept d ON e.dept_id = d.id ORDER BY e.id"));
    assertEquals(
        list("Alice|Engineering", "Bob|Engineering", "Carol|Sales", "Dan|Sales", "Eve|Marketing", "Frank|NULL"),
        lines(c, "SELECT e.name, d.name FROM q_emp e LEFT JOIN q_dept d ON e.dept_id = d.id ORDER BY e.id"));
    assertEquals(
        list("Engineering|2", "Sales|2", "Marketing|1", "Legal|0"),
        lines(
            c,
            "SELECT d.name, count(e.id) FROM q_emp e RIGHT JOIN q_dept d ON e.dept_id = d.id"
                + " GROUP BY d.id, d.name ORDER BY d.id"));
    assertEquals(
        list("Alice|Engineering", "Bob|Engineering", "Carol|Sales", "Dan|Sales", "Eve|Marketing", "Frank|NULL", "NULL|Legal"),
        lines(
            c,
            "SELECT e.name, d.name FROM q_emp e FULL OUTER JOIN q_dept d ON e.dept_id = d.id"
                + " ORDER BY e.id NULLS LAST"));
    assertEquals(
        list("Alice|Engineering"),
        lines(c, "SELECT e.name, d.name FROM q_emp AS e, q_dept AS d WHERE e.dept_id = d.id AND e.salary > 100000"));
    assertEquals("24", one(c, "SELECT count(*) FROM q_emp CROSS JOIN q_dept"));
    assertEquals(
        list("Alice|Bob", "Carol|Dan"),
        lines(c, "SELECT a.name, b.name FROM q_emp a JOIN q_emp b ON a.dept_id = b.dept_id AND a.id < b.id ORDER BY a.id"));
    assertEquals(
        list("1|Alice|Engineering"),
        lines(c, "SELECT id, e.name, d.name FROM q_emp e JOIN (SELECT id AS dept_id, name FROM q_dept) d USING (dept_id) WHERE id = 1"));
  }

  @Test
  void groupByHavingAndAggregates() throws SQLException {
    assertEquals(
        list("Engineering|2|215000.00|95000.00|120000.00", "Sales|2|135000.00|65000.00|70000.00"),
        lines(
            c,
            "SELECT d.name, count(*), sum(e.salary), min(e.salary), max(e.salary)"
                + " FROM q_emp e JOIN q_dept d ON d.id = e.dept_id"
                + " GROUP BY d.name HAVING count(*) > 1 ORDER BY d.name"));
    assertEquals(
        list("1|107500.000000000000", "2|67500.000000000000", "3|80000.000000000000", "NULL|50000.000000000000"),
        lines(c, "SELECT dept_id, avg(salary) FROM q_emp GROUP BY dept_id ORDER BY dept_id"));
    assertEquals("3.5000000000000000", one(c, "SELECT avg(id) FROM q_emp"));
    assertEquals("21", one(c, "SELECT sum(id) FROM q_emp"));
    assertEquals("Alice,Bob,Carol,Dan,Eve,Frank", one(c, "SELECT string_agg(name, ',' ORDER BY name) FROM q_emp"));
    assertEquals(list("0|NULL|NULL"), lines(c, "SELECT count(*), sum(salary), max(name) FROM q_emp WHERE false"));
    assertEquals(list(), lines(c, "SELECT dept_id, count(*) FROM q_emp WHERE false GROUP BY dept_id"));
    assertEquals(
        list("2019|1", "2020|1", "2021|1"),
        lines(
            c,
            "SELECT extract(year FROM hired) AS y, count(*) FROM q_emp"
                + " WHERE hired BETWEEN '2019-01-01' AND '2021-12-31' GROUP BY 1 ORDER BY 1"));
  }

  @Test
  void subqueries() throws SQLException {
    assertEquals("Alice", one(c, "SELECT name FROM q_emp WHERE salary = (SELECT max(salary) FROM q_emp)"));
    assertEquals(list("Sales"), lines(c, "SELECT name FROM q_dept WHERE id IN (SELECT dept_id FROM q_emp WHERE salary < 75000) ORDER BY name"));
    // NOT IN over a set containing NULL is never true.
    assertEquals("0", one(c, "SELECT count(*) FROM q_dept WHERE id NOT IN (SELECT dept_id FROM q_emp)"));
    assertEquals("1", one(c, "SELECT count(*) FROM q_dept WHERE id NOT IN (SELECT dept_id FROM q_emp WHERE dept_id IS NOT NULL)"));
    assertEquals(list("Legal"), lines(c, "SELECT name FROM q_dept d WHERE NOT EXISTS (SELECT 1 FROM q_emp e WHERE e.dept_id = d.id)"));
    assertEquals(
        list("Engineering", "Marketing", "Sales"),
        lines(c, "SELECT name FROM q_dept d WHERE EXISTS (SELECT 1 FROM q_emp e WHERE e.dept_id = d.id) ORDER BY name"));
    assertEquals(
        list("Engineering|2", "Sales|2", "Marketing|1", "Legal|0"),
        lines(c, "SELECT d.name, (SELECT count(*) FROM q_emp e WHERE e.dept_id = d.id) FROM q_dept d ORDER BY d.id"));
    assertEquals(
        list("Alice", "Carol", "Eve"),
        lines(
            c,
            "SELECT name FROM q_emp e WHERE salary >"
                + " (SELECT avg(salary) FROM q_emp i WHERE i.dept_id = e.dept_id) - 1 ORDER BY name"));
    assertEquals("2", one(c, "SELECT count(*) FROM (SELECT dept_id FROM q_emp GROUP BY dept_id HAVING count(*) = 1) t"));
  }

  @Test
  void commonTableExpressions() throws SQLException {
    assertEquals(
        list("3|Alice"),
        lines(c, "WITH big AS (SELECT * FROM q_emp WHERE salary >= 80000) SELECT count(*), min(name) FROM big"));
    assertEquals(
        list("Engineering|215000.00"),
        lines(
            c,
            "WITH totals AS (SELECT dept_id, sum(salary) AS total FROM q_emp GROUP BY dept_id),"
                + " best AS (SELECT max(total) AS m FROM totals)"
                + " SELECT d.name, t.total FROM totals t JOIN best ON t.total = best.m"
                + " JOIN q_dept d ON d.id = t.dept_id"));
  }

  @Test
  void recursiveCommonTableExpression() throws SQLException {
    assertEquals(
        "55", one(c, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT sum(n) FROM r"));
  }

  @Test
  void setOperations() throws SQLException {
    assertEquals(
        list("1", "2", "3", "4"),
        lines(c, "SELECT dept_id FROM q_emp WHERE dept_id IS NOT NULL UNION SELECT id FROM q_dept ORDER BY 1"));
    assertEquals(
        "9", one(c, "SELECT count(*) FROM (SELECT dept_id FROM q_emp UNION ALL SELECT 1 UNION ALL SELECT 1 UNION ALL SELECT NULL) t"));
    assertEquals(list("1", "2", "3"), lines(c, "SELECT id FROM q_dept INTERSECT SELECT dept_id FROM q_emp ORDER BY 1"));
    assertEquals(list("4"), lines(c, "SELECT id FROM q_dept EXCEPT SELECT dept_id FROM q_emp"));
    assertEquals(list("1", "1", "2"), lines(c, "SELECT * FROM (VALUES (1), (1), (2), (2)) v(x) EXCEPT ALL SELECT 2 ORDER BY 1"));
  }

  @Test
  void windowFunctions() throws SQLException {
    assertEquals(
        list(
            "Alice|1|1|1|215000.00|120000.00|NULL",
            "Bob|1|2|2|215000.00|215000.00|Alice",
            "Carol|2|1|1|135000.00|70000.00|NULL",
            "Dan|2|2|2|135000.00|135000.00|Carol",
            "Eve|3|1|1|80000.00|80000.00|NULL"),
        lines(
            c,
            "SELECT name, dept_id,"
                + " row_number() OVER (PARTITION BY dept_id ORDER BY salary DESC),"
                + " rank() OVER (PARTITION BY dept_id ORDER BY salary DESC),"
                + " sum(salary) OVER (PARTITION BY dept_id),"
                + " sum(salary) OVER (PARTITION BY dept_id ORDER BY salary DESC),"
                + " lag(name) OVER (PARTITION BY dept_id ORDER BY salary DESC)"
                + " FROM q_emp WHERE dept_id IS NOT NULL ORDER BY dept_id, salary DESC"));
    assertEquals(
        list("Eve|1|1", "Carol|2|2", "Alice|3|3", "Bob|4|4", "Dan|5|5", "Frank|6|6"),
        lines(c, "SELECT name, row_number() OVER w, count(*) OVER w FROM q_emp WINDOW w AS (ORDER BY hired) ORDER BY hired"));
    assertEquals(
        list("1|1", "1|1", "2|3", "3|4"),
        lines(c, "SELECT dense_rank() OVER (ORDER BY x), rank() OVER (ORDER BY x) FROM (VALUES (1), (1), (2), (3)) v(x) ORDER BY x"));
  }

  @Test
  void conditionalExpressions() throws SQLException {
    assertEquals(
        list("Alice|high", "Bob|mid", "Carol|low", "Dan|low", "Eve|mid", "Frank|low"),
        lines(
            c,
            "SELECT name, CASE WHEN salary >= 100000 THEN 'high' WHEN salary >= 75000 THEN 'mid'"
                + " ELSE 'low' END FROM q_emp ORDER BY id"));
    assertEquals(
        list("one", "two", "other"),
        lines(c, "SELECT CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'other' END FROM (VALUES (1), (2), (3)) v(x) ORDER BY x"));
    assertEquals("none", one(c, "SELECT COALESCE((SELECT name FROM q_emp WHERE id = 99), 'none')"));
    assertEquals(list("1", "2", "3", "-1"), lines(c, "SELECT COALESCE(dept_id, -1) FROM q_emp WHERE id IN (1, 3, 5, 6) ORDER BY id"));
    assertEquals(list("NULL|5|1"), lines(c, "SELECT NULLIF(1, 1), GREATEST(1, 5, 3), LEAST(4, 1, NULL)"));
    assertEquals(list("NULL|f|NULL|t"), lines(c, "SELECT NULL = NULL, 1 = 2, NULL AND true, NULL OR true"));
  }

  @Test
  void stringFunctions() throws SQLException {
    assertEquals(
        list("5|HELLO|hello|ell|3|hi|bXb|ab|NULL|ac|xx42|hel|llo|Hello World|3"),
        lines(
            c,
            "SELECT length('hello'), upper('hello'), lower('HeLLo'), substring('hello' FROM 2 FOR 3),"
                + " position('l' IN 'hello'), trim('  hi  '), replace('aXa', 'a', 'b'), 'a' || 'b',"
                + " 'a' || NULL, concat('a', NULL, 'c'), lpad('42', 4, 'x'), left('hello', 3),"
                + " right('hello', 3), initcap('hello world'), char_length('abc')"));
    assertEquals(
        list("hel|olleh|ababab|  x|x  |b|xhi"),
        lines(
            c,
            "SELECT substr('hello', 1, 3), reverse('hello'), repeat('ab', 3), lpad('x', 3),"
                + " rpad('x', 3), split_part('a,b,c', ',', 2), ltrim('  xhi')"));
    assertEquals("t", one(c, "SELECT 'abc' < 'abd'"));
  }

  @Test
  void mathFunctions() throws SQLException {
    // Integer division truncates; numeric division keeps scale.
    assertEquals(list("3|-3|1|3.5000000000000000|2.3333333333333333"), lines(c, "SELECT 7 / 2, -7 / 2, 7 % 3, 7.0 / 2, 7 / 3.0"));
    assertEquals(
        list("5|3|2.57|3|2|-3|1024|4|2|8"),
        lines(
            c,
            "SELECT abs(-5), round(2.5), round(2.567, 2), ceil(2.1), floor(2.9), trunc(-3.7),"
                + " power(2, 10), sqrt(16), mod(17, 5), 2 ^ 3"));
    assertEquals(list("3.14|t"), lines(c, "SELECT round(pi()::numeric, 2), random() < 1.0"));
    assertEquals("2.5", one(c, "SELECT 5::float8 / 2"));
    assertEquals("-32768", one(c, "SELECT (-32768)::int2"));
  }

  @Test
  void dateFunctions() throws SQLException {
    assertEquals(
        list("2024-02-01 00:00:00|2024|2024-02-29|1|2024-03-01"),
        lines(
            c,
            "SELECT date_trunc('month', TIMESTAMP '2024-02-29 13:14:15'),"
                + " extract(year FROM DATE '2024-02-29'), DATE '2024-02-28' + 1,"
                + " DATE '2024-03-01' - DATE '2024-02-29', DATE '2024-02-29' + 1"));
    assertEquals(list("t|t|t"), lines(c, "SELECT now() IS NOT NULL, current_date <= now()::date, current_timestamp = now()"));
    assertEquals(list("Eve|2018-07-04"), lines(c, "SELECT name, hired FROM q_emp WHERE hired < DATE '2019-01-01'"));
    assertEquals("2", one(c, "SELECT count(*) FROM q_emp WHERE hired >= '2022-01-01'"));
  }

  @Test
  void generateSeries() throws SQLException {
    assertEquals(list("100|5050"), lines(c, "SELECT count(*), sum(g) FROM generate_series(1, 100) AS g"));
    assertEquals(list("10", "7", "4", "1"), lines(c, "SELECT * FROM generate_series(10, 1, -3)"));
    assertEquals(list("1|a", "2|b"), lines(c, "SELECT x, chr(96 + x) FROM generate_series(1, 2) AS s(x)"));
    assertEquals(
        list("Engineering|1", "Engineering|2"),
        lines(c, "SELECT d.name, g FROM q_dept d CROSS JOIN generate_series(1, 2) AS g WHERE d.id = 1 ORDER BY g"));
  }

  @Test
  void casts() throws SQLException {
    assertEquals(
        list("43|4|2024-01-01|1x|12.35|1|t|42|3"),
        lines(
            c,
            "SELECT '42'::int4 + 1, 3.7::int4, '2024-01-01'::date, 1::text || 'x',"
                + " CAST('12.345' AS numeric(5,2)), true::int4, 'yes'::bool, CAST(42 AS text),"
                + " '3'::int8"));
    assertEquals("int8", typeOf("SELECT 1::int8"));
    assertEquals("int4", typeOf("SELECT 1"));
    assertEquals("int8", typeOf("SELECT 3000000000"));
    assertEquals("numeric", typeOf("SELECT 1.5"));
    assertEquals("text", typeOf("SELECT 'a'::text"));
    assertEquals("float8", typeOf("SELECT 1.5::float8"));
    assertEquals("bool", typeOf("SELECT 1 < 2"));
  }

  @Test
  void parameters() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name FROM q_emp WHERE dept_id = ? AND salary > ? ORDER BY name LIMIT ?")) {
      for (int round = 0; round < 7; round++) { // crosses pgjdbc's prepareThreshold of 5
        ps.setInt(1, 1);
        ps.setBigDecimal(2, new java.math.BigDecimal("100000"));
        ps.setInt(3, 10);
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(list("Alice"), Db.read(rs).stream().map(r -> r.get(0)).toList());
        }
        ps.setInt(1, 2);
        ps.setBigDecimal(2, java.math.BigDecimal.ZERO);
        ps.setInt(3, 1);
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(list("Carol"), Db.read(rs).stream().map(r -> r.get(0)).toList());
        }
      }
    }
    assertEquals("84", one(c, "SELECT ?::int4 * 2", 42));
    assertEquals("hello world", one(c, "SELECT ? || ' ' || ?", "hello", "world"));
    assertEquals("2", one(c, "SELECT count(*) FROM q_emp WHERE name IN (?, ?)", "Alice", "Eve"));
    assertEquals("Bob", one(c, "SELECT name FROM q_emp WHERE hired = ?", java.time.LocalDate.of(2021, 6, 1)));
  }

  @Test
  void identifiersFoldToLowerCase() throws SQLException {
    exec(
        c,
        "DROP TABLE IF EXISTS \"MixedCase\"",
        "DROP TABLE IF EXISTS uppert",
        "CREATE TABLE \"MixedCase\" (\"Id\" int4, Plain int4)",
        "INSERT INTO \"MixedCase\" VALUES (1, 2)",
        "CREATE TABLE UpperT (A int4)",
        "INSERT INTO UPPERT (a) VALUES (7)");
    assertEquals(list("1|2"), lines(c, "SELECT \"Id\", PLAIN FROM \"MixedCase\""));
    assertEquals(list("1|2"), lines(c, "SELECT \"Id\", \"plain\" FROM \"MixedCase\""));
    failsWith("42703", () -> lines(c, "SELECT Id FROM \"MixedCase\""));
    failsWith("42P01", () -> lines(c, "SELECT * FROM MixedCase"));
    assertEquals("7", one(c, "SELECT A FROM uppert"));
    assertEquals("7", one(c, "SELECT \"a\" FROM \"uppert\""));
    failsWith("42P01", () -> lines(c, "SELECT * FROM \"UpperT\""));
    try (PreparedStatement ps = c.prepareStatement("SELECT A, 1 AS \"Foo\", 2 AS Bar FROM UpperT");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals("a", md.getColumnLabel(1));
      assertEquals("Foo", md.getColumnLabel(2));
      assertEquals("bar", md.getColumnLabel(3));
    }
    exec(c, "DROP TABLE \"MixedCase\"", "DROP TABLE uppert");
  }

  @Test
  void sessionFunctions() throws SQLException {
    String version = one(c, "SELECT version()");
    assertTrue(version.startsWith("PostgreSQL 15"), version);
    assertEquals("ygg", one(c, "SELECT current_database()"));
    assertEquals("public", one(c, "SELECT current_schema()"));
    assertEquals("public", one(c, "SELECT current_schema"));
    assertEquals("ygg", one(c, "SELECT current_user"));
    assertEquals("ygg", one(c, "SELECT session_user"));
    String serverVersion = one(c, "SHOW server_version");
    assertTrue(serverVersion.startsWith("15"), serverVersion);
    assertEquals(15, c.getMetaData().getDatabaseMajorVersion());
  }

  @Test
  void selectWithoutFromAndValues() throws SQLException {
    assertEquals("1", one(c, "SELECT 1"));
    assertEquals(list("1|a", "2|b"), lines(c, "VALUES (1, 'a'), (2, 'b')"));
    assertEquals(list("2|b"), lines(c, "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s) WHERE n > 1"));
  }

  private String typeOf(String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.getMetaData().getColumnTypeName(1);
    }
  }
}
