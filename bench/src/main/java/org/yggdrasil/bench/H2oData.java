package org.yggdrasil.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The H2O db-benchmark groupby table G1_1e7_1e2_0_0 (perf-anchors §2b, seed 108): K = 100,
 * no NAs, unsorted; the distributions of the original R generator, not its random stream.
 */
public final class H2oData implements TableData {
  static final long SEED = 108L;
  private static final int K = 100;

  @Override
  public List<String> columns() {
    return List.of("id1", "id2", "id3", "id4", "id5", "id6", "v1", "v2", "v3");
  }

  @Override
  public void generate(int rows, char d, LineSink sink) {
    int nk = rows / K;
    SplittableRandom r = new SplittableRandom(SEED);
    String[] small = new String[K + 1];
    for (int k = 1; k <= K; k++) {
      small[k] = String.format("id%03d", k);
    }
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < rows; i++) {
      int id1 = 1 + r.nextInt(K);
      int id2 = 1 + r.nextInt(K);
      int id3 = 1 + r.nextInt(nk);
      int id4 = 1 + r.nextInt(K);
      int id5 = 1 + r.nextInt(K);
      int id6 = 1 + r.nextInt(nk);
      int v1 = 1 + r.nextInt(5);
      int v2 = 1 + r.nextInt(15);
      long v3micro = Math.round(r.nextDouble() * 100.0 * 1e6); // round(runif(0,100), 6)
      sb.setLength(0);
      sb.append(small[id1]).append(d).append(small[id2]).append(d).append("id");
      String s3 = Integer.toString(id3);
      for (int z = s3.length(); z < 10; z++) {
        sb.append('0');
      }
      sb.append(s3).append(d).append(id4).append(d).append(id5).append(d).append(id6).append(d)
          .append(v1).append(d).append(v2).append(d);
      TableData.fixed(sb, v3micro, 6);
      sb.append('\n');
      sink.line(sb);
    }
  }
}
