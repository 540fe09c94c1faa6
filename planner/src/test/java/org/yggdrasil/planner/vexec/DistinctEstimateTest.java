package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The domain size GroupKeys reserves for, judged from the keys of a first chunk. */
class DistinctEstimateTest {

  private static long distinctIn(int rows, int domain, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < rows; i++) {
      seen.add(r.nextInt(domain));
    }
    return seen.size();
  }

  @Test
  void aUniformDomainIsEstimatedNearItsSizeNotScaledByTheRows() {
    for (int domain : new int[] {100_000, 1_000_000, 10_000_000}) {
      long d = distinctIn(65_536, domain, domain);
      long estimate = GroupKeys.distinctEstimate(d, 65_536, 10_000_000);
      assertTrue(Math.abs(estimate - domain) <= domain * 0.15,
          "domain " + domain + ": " + d + " distinct of 65536 gave " + estimate);
    }
  }

  @Test
  void allDistinctOrBeyondTheLimitGivesTheLimit() {
    assertEquals(10_000_000, GroupKeys.distinctEstimate(65_536, 65_536, 10_000_000));
    assertEquals(70_000, GroupKeys.distinctEstimate(65_000, 65_536, 70_000));
  }
}
