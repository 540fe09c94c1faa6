package org.yggdrasil.accel.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.yggdrasil.accel.groupby.BytesGroupTable;
import org.yggdrasil.accel.groupby.ChunkDictionary;
import org.yggdrasil.accel.groupby.DenseKeys;
import org.yggdrasil.accel.groupby.DistinctCounter;
import org.yggdrasil.accel.groupby.LongGroupTable;
import org.yggdrasil.accel.groupby.Quantiles;
import org.yggdrasil.accel.groupby.TopNPerGroup;
import org.yggdrasil.accel.strings.LikePattern;
import org.yggdrasil.accel.strings.Utf8Length;

/**
 * Micro-benchmark of the group-by and string kernels over 10M rows in 65536-row chunks, on the
 * H2O groupby table (seed 108) and the hits URL column (seed 7) of
 * shared/reference/perf-anchors.md, generated in memory. Not a test: run it by hand
 * (single thread), e.g. {@code java --add-modules jdk.incubator.vector -cp ... GroupByBench [rows]}.
 * Each figure is the median (and best) of 5 runs after 2 warm-ups; results are checked
 * against the checksums in perf-anchors.md.
 */
public final class GroupByBench {
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble LE_DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int CHUNK = 65536;
    private static final Arena ARENA = Arena.ofShared();
    /** CPU time of the benchmark thread: less disturbed than wall time on a shared machine. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private record Text(MemorySegment offsets, MemorySegment data, int rows) {
    }

    /** One chunk of the H2O table: the columns the benchmarks use. */
    private record H2oChunk(int rows, Text id1, Text id3, MemorySegment id4, MemorySegment id6, MemorySegment v1,
            MemorySegment v3) {
    }

    private static final class TextBuilder {
        final int[] offsets;
        byte[] data = new byte[1 << 16];
        int used;
        int rows;

        TextBuilder(int rows) {
            offsets = new int[rows + 1];
        }

        void add(CharSequence s) {
            if (used + s.length() > data.length) {
                data = Arrays.copyOf(data, Math.max(used + s.length(), data.length * 2));
            }
            for (int i = 0; i < s.length(); i++) {
                data[used++] = (byte) s.charAt(i); // ASCII only
            }
            offsets[++rows] = used;
        }

        Text build() {
            MemorySegment off = ARENA.allocate(4L * (rows + 1), 8);
            for (int i = 0; i <= rows; i++) {
                off.set(LE_INT, 4L * i, offsets[i]);
            }
            MemorySegment d = ARENA.allocate(Math.max(1, used), 8).asSlice(0, used);
            MemorySegment.copy(MemorySegment.ofArray(data), 0, d, 0, used);
            return new Text(off, d, rows);
        }
    }

    static List<H2oChunk> h2o(int n) {
        SplittableRandom r = new SplittableRandom(108);
        int k = 100;
        int nk = n / k;
        List<H2oChunk> chunks = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        long sumV1 = 0;
        for (int base = 0; base < n; base += CHUNK) {
            int rows = Math.min(CHUNK, n - base);
            TextBuilder id1 = new TextBuilder(rows);
            TextBuilder id3 = new TextBuilder(rows);
            MemorySegment id4 = ARENA.allocate(4L * rows, 8);
            MemorySegment id6 = ARENA.allocate(4L * rows, 8);
            MemorySegment v1 = ARENA.allocate(4L * rows, 8);
            MemorySegment v3 = ARENA.allocate(8L * rows, 8);
            for (int i = 0; i < rows; i++) {
                int a1 = 1 + r.nextInt(k);
                r.nextInt(k); // id2
                int a3 = 1 + r.nextInt(nk);
                int a4 = 1 + r.nextInt(k);
                r.nextInt(k); // id5
                int a6 = 1 + r.nextInt(nk);
                int b1 = 1 + r.nextInt(5);
                r.nextInt(15); // v2
                double b3 = Math.round(r.nextDouble() * 100.0 * 1e6) / 1e6;
                id1.add(String.format("id%03d", a1));
                sb.setLength(0);
                sb.append("id");
                String s3 = Integer.toString(a3);
                for (int z = s3.length(); z < 10; z++) {
                    sb.append('0');
                }
                id3.add(sb.append(s3));
                id4.set(LE_INT, 4L * i, a4);
                id6.set(LE_INT, 4L * i, a6);
                v1.set(LE_INT, 4L * i, b1);
                v3.set(LE_DOUBLE, 8L * i, b3);
                sumV1 += b1;
            }
            chunks.add(new H2oChunk(rows, id1.build(), id3.build(), id4, id6, v1, v3));
        }
        System.out.printf(Locale.ROOT, "h2o: %d rows, sum(v1) = %d%s%n", n, sumV1,
                n == 10_000_000 ? (sumV1 == 29_996_817L ? " (matches perf-anchors)" : " (MISMATCH: expected 29996817)") : "");
        return chunks;
    }

    private static final String[] TLD = {".com", ".ru", ".org", ".net", ".de"};

    private static void word(StringBuilder sb, SplittableRandom r, int min, int max) {
        int len = min + r.nextInt(max - min + 1);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
    }

    static List<Text> hits(int n) {
        SplittableRandom r = new SplittableRandom(7);
        List<Text> chunks = new ArrayList<>();
        StringBuilder sb = new StringBuilder(256);
        long bytes = 0;
        for (int base = 0; base < n; base += CHUNK) {
            int rows = Math.min(CHUNK, n - base);
            TextBuilder url = new TextBuilder(rows);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                sb.append(r.nextInt(10) < 7 ? "https://" : "http://");
                int h = r.nextInt(1000);
                if (h < 3) {
                    sb.append("www.google.com");
                } else if (h < 5) {
                    sb.append("maps.google.ru");
                } else {
                    sb.append("www.");
                    word(sb, r, 4, 12);
                    sb.append(TLD[r.nextInt(TLD.length)]);
                }
                int segs = 1 + r.nextInt(6);
                for (int s = 0; s < segs; s++) {
                    sb.append('/');
                    word(sb, r, 3, 10);
                }
                if (r.nextInt(100) < 5) {
                    sb.append("/search");
                }
                if (r.nextInt(2) == 0) {
                    sb.append("?id=").append(r.nextInt(1_000_000_000));
                    if (r.nextInt(1000) < 2) {
                        sb.append("&ref=google");
                    }
                }
                url.add(sb);
                bytes += sb.length();
            }
            chunks.add(url.build());
        }
        System.out.printf(Locale.ROOT, "hits: %d rows, %d url bytes%s%n", n, bytes,
                n == 10_000_000 ? (bytes == 563_497_120L ? " (matches perf-anchors)" : " (MISMATCH: expected 563497120)") : "");
        return chunks;
    }

    private static void run(String name, long rows, String expected, LongSupplier body) {
        for (int i = 0; i < 2; i++) {
            body.getAsLong();
        }
        long[] ms = new long[5];
        long[] cpu = new long[5];
        long result = 0;
        for (int i = 0; i < ms.length; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = body.getAsLong();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1_000_000;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        String check = expected == null ? "" : Long.toString(result).equals(expected) ? " ok" : " MISMATCH expected " + expected;
        System.out.printf(Locale.ROOT, "%-50s wall median %5d best %5d ms | cpu median %5d best %5d ms | %6.1f M rows/s (best wall) | %d%s%n",
                name, ms[2], ms[0], cpu[2], cpu[0], rows / 1000.0 / Math.max(1, ms[0]), result, check);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        boolean full = n == 10_000_000;
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus, single thread");
        long t0 = System.nanoTime();
        List<H2oChunk> h2o = h2o(n);
        List<Text> hits = hits(n);
        System.out.printf(Locale.ROOT, "generated in %d ms%n%n", (System.nanoTime() - t0) / 1_000_000);
        int[] gid = new int[CHUNK];

        run("(a) BytesGroupTable id1 (100 strings)", n, "100", () -> {
            BytesGroupTable t = new BytesGroupTable();
            for (H2oChunk c : h2o) {
                t.groupIds(c.id1().offsets(), c.id1().data(), c.rows(), null, gid);
            }
            return t.groupCount();
        });
        run("(a) ChunkDictionary + BytesGroupTable id1", n, "100", () -> {
            BytesGroupTable t = new BytesGroupTable();
            for (H2oChunk c : h2o) {
                ChunkDictionary d = ChunkDictionary.build(c.id1().offsets(), c.id1().data(), c.rows(), 1024);
                t.groupIds(d, c.rows(), null, gid);
            }
            return t.groupCount();
        });
        run("(a') q1 shape: id1 ids + sum(v1) per group", n, full ? "29996817" : null, () -> {
            BytesGroupTable t = new BytesGroupTable();
            long[] sums = new long[128];
            for (H2oChunk c : h2o) {
                t.groupIds(c.id1().offsets(), c.id1().data(), c.rows(), null, gid);
                for (int i = 0; i < c.rows(); i++) {
                    sums[gid[i]] += c.v1().get(LE_INT, 4L * i);
                }
            }
            return Arrays.stream(sums).sum();
        });
        run("(b) LongGroupTable id6 int32 (100k distinct)", n, full ? "100000" : null, () -> {
            LongGroupTable t = new LongGroupTable();
            for (H2oChunk c : h2o) {
                t.groupIds(c.id6(), 4, c.rows(), null, gid);
            }
            return t.groupCount();
        });
        run("(b'') LongGroupTable 10M distinct keys (q10-like)", n, Integer.toString(n), () -> {
            LongGroupTable t = new LongGroupTable();
            long key = 0;
            for (int base = 0; base < n; base += CHUNK) {
                int rows = Math.min(CHUNK, n - base);
                for (int i = 0; i < rows; i++) {
                    gid[i] = t.idOf((key++) * 0x9E3779B97F4A7C15L >>> 7);
                }
            }
            return t.groupCount();
        });
        run("(b') BytesGroupTable id3 'id%010d' (100k distinct)", n, full ? "100000" : null, () -> {
            BytesGroupTable t = new BytesGroupTable();
            for (H2oChunk c : h2o) {
                t.groupIds(c.id3().offsets(), c.id3().data(), c.rows(), null, gid);
            }
            return t.groupCount();
        });
        run("(e) DenseKeys id4 int32 (1..100)", n, null, () -> {
            long s = 0;
            for (H2oChunk c : h2o) {
                DenseKeys.groupIds(c.id4(), 4, 1, c.rows(), null, gid);
                s += gid[c.rows() - 1];
            }
            return s;
        });
        run("(h) COUNT(DISTINCT id3) text", n, full ? "100000" : null, () -> {
            DistinctCounter d = new DistinctCounter();
            for (H2oChunk c : h2o) {
                d.addText(c.id3().offsets(), c.id3().data(), c.rows(), null);
            }
            return d.count();
        });
        run("(f) MEDIAN(v3) one group, collect + select", n, null, () -> {
            Quantiles q = new Quantiles();
            for (H2oChunk c : h2o) {
                q.addDoubles(null, c.v3(), c.rows(), null);
            }
            return Double.doubleToLongBits(q.median()[0]);
        });
        int[][] id6Gids = new int[h2o.size()][];
        LongGroupTable id6 = new LongGroupTable();
        for (int i = 0; i < h2o.size(); i++) {
            id6Gids[i] = new int[h2o.get(i).rows()];
            id6.groupIds(h2o.get(i).id6(), 4, h2o.get(i).rows(), null, id6Gids[i]);
        }
        run("(g) q8 top-2 v3 per id6 (ids precomputed)", n, null, () -> {
            TopNPerGroup top = new TopNPerGroup(2, true);
            long pos = 0;
            for (int i = 0; i < h2o.size(); i++) {
                H2oChunk c = h2o.get(i);
                top.addDoubles(id6Gids[i], c.v3(), c.rows(), null, pos);
                pos += c.rows();
            }
            return top.groupCount();
        });
        LikePattern google = LikePattern.compile("%google%");
        LikePattern search = LikePattern.compile("%search%");
        LikePattern igoogle = LikePattern.compile("%GOOGLE%", '\\', true);
        long[] bits = new long[CHUNK / 64];
        run("(c) LIKE '%google%' (563 MB of URLs)", n, full ? "60060" : null, () -> countLike(google, hits, bits));
        run("(c) LIKE '%search%'", n, full ? "500657" : null, () -> countLike(search, hits, bits));
        run("(c) ILIKE '%GOOGLE%' (ASCII chunks: folded search)", n, full ? "60060" : null, () -> countLike(igoogle, hits, bits));
        run("(d) sumChars(url)", n, full ? "563497120" : null, () -> {
            long s = 0;
            for (Text t : hits) {
                s += Utf8Length.sumChars(t.offsets(), t.data(), t.rows(), null);
            }
            return s;
        });
        run("(d) sumCharsScalar(url)", n, full ? "563497120" : null, () -> {
            long s = 0;
            for (Text t : hits) {
                s += Utf8Length.sumCharsScalar(t.offsets(), t.data(), t.rows(), null);
            }
            return s;
        });
    }

    private static long countLike(LikePattern p, List<Text> hits, long[] bits) {
        long count = 0;
        for (Text t : hits) {
            p.filter(t.offsets(), t.data(), t.rows(), bits);
            for (int w = 0, words = (t.rows() + 63) >>> 6; w < words; w++) {
                count += Long.bitCount(bits[w]);
            }
        }
        return count;
    }
}
