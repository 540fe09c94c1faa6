package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.storage.nativestore.Fixtures.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Primary-key lookups for exact and hashed keys, with forced hash collisions. */
class KeyIndexTest {
  @Test
  void hashedKeysSurviveCollisions() {
    // a 2-bit hash mask puts every text key into one of 4 codes
    NativeDatabase db = NativeDatabase.inMemory("db", new StoreConfig(16, 3));
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("t", List.of(col("k", ColumnType.TEXT), col("u", ColumnType.UUID), col("v", ColumnType.INT4)),
        List.of("k"), List.of(List.of("u", "v"))));
    Random rnd = new Random(5);
    Map<String, Integer> model = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String k = "key" + rnd.nextInt(200);
      if (model.containsKey(k)) {
        TableVersion t = tx.snapshot().table("t");
        long p = t.lookupPrimaryKey(new Object[] {k});
        assertEquals(model.get(k), t.row(p, new int[] {2})[0]);
        if (rnd.nextBoolean()) {
          tx.delete("t", new long[] {p});
          model.remove(k);
        } else {
          tx.update("t", new long[] {p}, List.<Object[]>of(new Object[] {k, new UUID(0, i), i}));
          model.put(k, i);
        }
      } else {
        tx.insert("t", List.<Object[]>of(new Object[] {k, new UUID(0, i), i}));
        model.put(k, i);
      }
    }
    tx.commit();
    TableVersion t = db.snapshot("main").table("t");
    assertEquals(model.size(), t.rowCount());
    for (int i = 0; i < 200; i++) {
      String k = "key" + i;
      long p = t.lookupPrimaryKey(new Object[] {k});
      if (model.containsKey(k)) {
        assertEquals(List.of(k, model.get(k)), List.of(t.row(p, new int[] {0, 2})));
      } else {
        assertEquals(-1, p);
      }
    }
  }

  @Test
  void compositeAndIntegerKeys() {
    NativeDatabase db = NativeDatabase.inMemory("db", 16);
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("c", List.of(col("a", ColumnType.INT2), col("b", ColumnType.DATE), col("x", ColumnType.TEXT)),
        List.of("a", "b"), List.of()));
    List<Object[]> rows = new ArrayList<>();
    for (short a = -50; a < 50; a++) {
      rows.add(new Object[] {a, java.time.LocalDate.of(2020, 1, 1).plusDays(a * a), "x" + a});
    }
    tx.insert("c", rows);
    TableVersion t = tx.snapshot().table("c");
    for (short a = -50; a < 50; a++) {
      long p = t.lookupPrimaryKey(new Object[] {a, java.time.LocalDate.of(2020, 1, 1).plusDays(a * a)});
      assertEquals("x" + a, t.row(p, new int[] {2})[0]);
      assertEquals(-1, t.lookupPrimaryKey(new Object[] {a, java.time.LocalDate.of(2019, 1, 1)}));
    }
    assertEquals(-1, t.lookupPrimaryKey(new Object[] {(short) 1000, java.time.LocalDate.of(2020, 1, 1)}));
    // int-typed lookups accept other integer classes
    assertEquals(50, t.lookupPrimaryKey(new Object[] {0, java.time.LocalDate.of(2020, 1, 1)}));
  }
}
