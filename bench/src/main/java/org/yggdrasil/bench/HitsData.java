package org.yggdrasil.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A hits-like URL table (perf-anchors §2c, seed 7): id is the row number, url a random
 * scheme, host, path, an occasional {@code /search} and query string.
 */
public final class HitsData implements TableData {
  static final long SEED = 7L;
  private static final String[] TLD = {".com", ".ru", ".org", ".net", ".de"};

  @Override
  public List<String> columns() {
    return List.of("id", "url");
  }

  @Override
  public void generate(int rows, char d, LineSink sink) {
    SplittableRandom r = new SplittableRandom(SEED);
    StringBuilder sb = new StringBuilder(256);
    for (int i = 0; i < rows; i++) {
      sb.setLength(0);
      sb.append(i).append(d);
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
      int segments = 1 + r.nextInt(6);
      for (int s = 0; s < segments; s++) {
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
      sb.append('\n');
      sink.line(sb);
    }
  }

  private static void word(StringBuilder sb, SplittableRandom r, int min, int max) {
    int len = min + r.nextInt(max - min + 1);
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
  }
}
