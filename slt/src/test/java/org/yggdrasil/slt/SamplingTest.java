package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seeded samples of the corpus and the per-file query cap that the larger report uses. */
class SamplingTest {
  private static Set<String> directories(List<String> names) {
    return names.stream().map(n -> n.substring(0, n.lastIndexOf('/'))).collect(Collectors.toSet());
  }

  @Test
  void sampleTakesOneFileOfEveryDirectoryThenDrawsTheRest() {
    List<String> index = Corpus.jarNames().stream().filter(n -> n.startsWith("index/")).toList();
    List<String> one = Corpus.sample(index, 1, 4);
    assertEquals(directories(index), directories(one));
    assertEquals(directories(index).size(), one.size());

    List<String> random = Corpus.jarNames().stream().filter(n -> n.startsWith("random/")).toList();
    List<String> fifty = Corpus.sample(random, 50, 4);
    assertEquals(50, fifty.size());
    assertEquals(50, Set.copyOf(fifty).size());
    assertEquals(directories(random), directories(fifty));
    assertTrue(random.containsAll(fifty));
  }

  @Test
  void theSeedDecidesTheSample() {
    List<String> random = Corpus.jarNames().stream().filter(n -> n.startsWith("random/")).toList();
    assertEquals(Corpus.sample(random, 50, 7), Corpus.sample(random, 50, 7));
    assertNotEquals(Corpus.sample(random, 50, 7), Corpus.sample(random, 50, 8));
  }

  @Test
  void sampleAppliesToEachGlobAndLeavesNamedFilesAlone() {
    List<Corpus.Source> sources =
        Corpus.resolve(List.of("select5.test", "random/**/*.test"), 10, 1);
    assertEquals("select5.test", sources.get(0).name());
    assertEquals(11, sources.size());
  }

  @Test
  void reportIsSelect5OneFilePerIndexDirectoryAndFiftyRandomFiles() {
    List<String> names = Corpus.reportSample(4).stream().map(Corpus.Source::name).toList();
    assertEquals("select5.test", names.get(0));
    List<String> index = names.stream().filter(n -> n.startsWith("index/")).toList();
    List<String> allIndex = Corpus.jarNames().stream().filter(n -> n.startsWith("index/")).toList();
    assertEquals(directories(allIndex), directories(index));
    assertEquals(50, names.stream().filter(n -> n.startsWith("random/")).count());
  }

  @Test
  void maxQueriesStopsBeforeTheNextQueryButKeepsEarlierStatements() {
    String text =
        """
        statement ok
        CREATE TABLE t(a INTEGER)

        statement ok
        INSERT INTO t VALUES (1)

        query I
        SELECT a FROM t
        ----
        1

        statement ok
        INSERT INTO t VALUES (2)

        query I
        SELECT count(*) FROM t
        ----
        2

        query I
        SELECT nothing_here FROM t
        ----
        0
        """;
    try (Target target = new Target.InProcess(30)) {
      FileResult r = new SltRunner(target, SkipList.empty(), 30).maxQueries(2).run("m.test", text);
      assertEquals(5, r.records());
      assertEquals(5, r.passed());
      assertEquals(0, r.failed());

      FileResult whole = new SltRunner(target, SkipList.empty(), 30)
          .maxQueries(2, Corpus::reportCapsQueries).run("select5.test", text);
      assertEquals(6, whole.records());
      assertEquals(1, whole.failed());
    }
  }

  @Test
  void groupsAreTheFirstTwoPartsOfCorpusNames() {
    assertEquals("index/between", Report.group("index/between/10/slt_good_0.test"));
    assertEquals("random/expr", Report.group("random/expr/slt_good_3.test"));
    assertEquals("evidence", Report.group("evidence/in1.test"));
    assertEquals("select5.test", Report.group("select5.test"));
  }
}
