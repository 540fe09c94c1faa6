package org.yggdrasil.storage.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Three-way merge of a data file's records (CSV records after the header, JSON lines), as {@code
 * diff3} merges lines: each side's changes are hunks replacing base records; hunks that touch
 * different base records both apply; rows both sides only inserted at the same place are all
 * kept (ours first), since tables are unordered; two different hunks over the same base records
 * are a conflict. Records compare by their text in the file.
 */
final class RowMerge {
  /** Above this many differing records on a side, a file is merged as a whole (a conflict). */
  private static final int MAX_DIFF_CELLS = 4_000_000;

  private RowMerge() {}

  /** A run of base records {@code [start, end)} a side replaced by {@code lines}. */
  record Hunk(int start, int end, List<String> lines) {
    boolean isInsertion() {
      return start == end;
    }
  }

  /** The merged records, or null when the sides conflict (or are too different to align). */
  static List<String> merge(List<String> base, List<String> ours, List<String> theirs) {
    List<Hunk> a = diff(base, ours);
    List<Hunk> b = diff(base, theirs);
    if (a == null || b == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int pos = 0;
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      Hunk x = i < a.size() ? a.get(i) : null;
      Hunk y = j < b.size() ? b.get(j) : null;
      if (y == null || (x != null && before(x, y))) {
        out.addAll(base.subList(pos, x.start()));
        out.addAll(x.lines());
        pos = x.end();
        i++;
      } else if (x == null || before(y, x)) {
        out.addAll(base.subList(pos, y.start()));
        out.addAll(y.lines());
        pos = y.end();
        j++;
      } else if (x.equals(y)) {
        out.addAll(base.subList(pos, x.start()));
        out.addAll(x.lines());
        pos = x.end();
        i++;
        j++;
      } else if (x.isInsertion() && y.isInsertion()) {
        out.addAll(base.subList(pos, x.start()));
        out.addAll(x.lines());
        out.addAll(y.lines());
        pos = x.end();
        i++;
        j++;
      } else {
        return null;
      }
    }
    out.addAll(base.subList(pos, base.size()));
    return out;
  }

  /** Whether hunk {@code x} applies entirely before {@code y} without touching its records. */
  private static boolean before(Hunk x, Hunk y) {
    if (x.isInsertion()) {
      // Rows inserted right before records the other side changed do not touch them.
      return y.isInsertion() ? x.start() < y.start() : x.start() <= y.start();
    }
    return x.end() <= y.start();
  }

  /**
   * The hunks turning {@code base} into {@code side}, in base order: common prefix and suffix are
   * skipped, the middle aligned by longest common subsequence. Null when the middle is too big.
   */
  static List<Hunk> diff(List<String> base, List<String> side) {
    int pre = 0;
    while (pre < base.size() && pre < side.size() && base.get(pre).equals(side.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < base.size() - pre && suf < side.size() - pre
        && base.get(base.size() - 1 - suf).equals(side.get(side.size() - 1 - suf))) {
      suf++;
    }
    List<String> m = base.subList(pre, base.size() - suf);
    List<String> n = side.subList(pre, side.size() - suf);
    if ((long) (m.size() + 1) * (n.size() + 1) > MAX_DIFF_CELLS) {
      return null;
    }
    int[][] lcs = new int[m.size() + 1][n.size() + 1];
    for (int p = m.size() - 1; p >= 0; p--) {
      for (int q = n.size() - 1; q >= 0; q--) {
        lcs[p][q] = m.get(p).equals(n.get(q)) ? lcs[p + 1][q + 1] + 1
            : Math.max(lcs[p + 1][q], lcs[p][q + 1]);
      }
    }
    List<Hunk> hunks = new ArrayList<>();
    int p = 0;
    int q = 0;
    int hs = -1;
    int hq = -1;
    while (p < m.size() || q < n.size()) {
      if (p < m.size() && q < n.size() && m.get(p).equals(n.get(q))) {
        if (hs >= 0) {
          hunks.add(new Hunk(pre + hs, pre + p, List.copyOf(n.subList(hq, q))));
          hs = -1;
        }
        p++;
        q++;
        continue;
      }
      if (hs < 0) {
        hs = p;
        hq = q;
      }
      if (q < n.size() && (p == m.size() || lcs[p][q + 1] >= lcs[p + 1][q])) {
        q++;
      } else {
        p++;
      }
    }
    if (hs >= 0) {
      hunks.add(new Hunk(pre + hs, pre + p, List.copyOf(n.subList(hq, q))));
    }
    return hunks;
  }
}
