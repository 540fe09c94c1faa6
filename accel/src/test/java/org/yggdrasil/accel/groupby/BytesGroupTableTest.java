package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class BytesGroupTableTest {

    private static byte[][] randomKeys(SplittableRandom r, int rows, int distinct) {
        byte[][] pool = new byte[distinct][];
        for (int i = 0; i < distinct; i++) {
            pool[i] = switch (i % 4) {
                case 0 -> ("id" + String.format("%03d", i)).getBytes(StandardCharsets.UTF_8);
                case 1 -> TextColumns.randomText(r, 30).getBytes(StandardCharsets.UTF_8);
                case 2 -> ("k" + i + "-" + "x".repeat(r.nextInt(40))).getBytes(StandardCharsets.UTF_8);
                default -> new byte[r.nextInt(9)]; // zero bytes of several lengths, incl. empty
            };
        }
        byte[][] keys = new byte[rows][];
        for (int i = 0; i < rows; i++) {
            keys[i] = pool[r.nextInt(distinct)];
        }
        return keys;
    }

    @Test
    void matchesHashMapAcrossChunksAndResizes() {
        SplittableRandom r = new SplittableRandom(3);
        BytesGroupTable t = new BytesGroupTable();
        Map<String, Integer> ref = new HashMap<>();
        List<byte[]> firstSeen = new ArrayList<>();
        for (int chunk = 0; chunk < 6; chunk++) {
            int rows = TextColumns.AWKWARD_ROWS[chunk + 1];
            byte[][] keys = randomKeys(r, rows, 5000);
            TextColumns.Text col = TextColumns.text(keys, chunk);
            for (long[] sel : TextColumns.selections(rows, r)) {
                int[] gid = new int[rows];
                t.groupIds(col.offsets(), col.data(), rows, sel, gid);
                for (int i = 0; i < rows; i++) {
                    if (!TextColumns.selected(sel, i)) {
                        assertEquals(-1, gid[i]);
                        continue;
                    }
                    String k = new String(keys[i], StandardCharsets.ISO_8859_1);
                    Integer id = ref.get(k);
                    if (id == null) {
                        ref.put(k, id = ref.size());
                        firstSeen.add(keys[i]);
                    }
                    assertEquals(id, gid[i], "row " + i);
                }
            }
        }
        assertEquals(ref.size(), t.groupCount());
        for (int g = 0; g < firstSeen.size(); g++) {
            assertArrayEquals(firstSeen.get(g), t.key(g));
            assertEquals(g, t.find(firstSeen.get(g)));
            assertEquals(g, t.idOf(firstSeen.get(g)));
        }
        assertEquals(-1, t.find("never seen".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void manyDistinctKeysGrowTheTable() {
        BytesGroupTable t = new BytesGroupTable();
        for (int i = 0; i < 200_000; i++) {
            assertEquals(i, t.idOf(("id" + String.format("%010d", i)).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertEquals(i, t.idOf(("id" + String.format("%010d", i)).getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(200_000, t.groupCount());
    }

    @Test
    void dictionaryCodesAndGroupIdsAgreeWithDirectLookup() {
        SplittableRandom r = new SplittableRandom(4);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            byte[][] keys = randomKeys(r, rows, 100);
            TextColumns.Text col = TextColumns.text(keys, 3);
            ChunkDictionary dict = ChunkDictionary.build(col.offsets(), col.data(), rows, 1000);
            assertNotNull(dict);
            Map<String, Integer> ref = new HashMap<>();
            for (int i = 0; i < rows; i++) {
                String k = new String(keys[i], StandardCharsets.ISO_8859_1);
                int code = ref.computeIfAbsent(k, x -> ref.size());
                assertEquals(code, dict.codes()[i]);
                assertArrayEquals(keys[i], dict.values()[code]);
            }
            assertEquals(ref.size(), dict.size());
            for (long[] sel : TextColumns.selections(rows, r)) {
                BytesGroupTable direct = new BytesGroupTable();
                BytesGroupTable viaDict = new BytesGroupTable();
                int[] a = new int[rows];
                int[] b = new int[rows];
                direct.groupIds(col.offsets(), col.data(), rows, sel, a);
                viaDict.groupIds(dict, rows, sel, b);
                assertArrayEquals(a, b);
                assertEquals(direct.groupCount(), viaDict.groupCount());
            }
        }
    }

    @Test
    void dictionaryGivesUpAboveMaxDistinct() {
        byte[][] keys = new byte[100][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ("v" + (i % 11)).getBytes(StandardCharsets.UTF_8);
        }
        TextColumns.Text col = TextColumns.text(keys, 0);
        assertNull(ChunkDictionary.build(col.offsets(), col.data(), 100, 10));
        assertEquals(11, ChunkDictionary.build(col.offsets(), col.data(), 100, 11).size());
    }

    @Test
    void shortKeyHashEqualsTheGeneralHash() {
        SplittableRandom r = new SplittableRandom(5);
        for (int len = 0; len <= 16; len++) {
            byte[] key = new byte[len];
            r.nextBytes(key);
            java.lang.foreign.MemorySegment seg = java.lang.foreign.MemorySegment.ofArray(key);
            long w0 = ByteHash.word(seg, 0, len);
            long w1 = ByteHash.word(seg, 8, len - 8);
            assertEquals(ByteHash.hash(key), ByteHash.hashShort(w0, w1, len), "length " + len);
        }
    }
}
