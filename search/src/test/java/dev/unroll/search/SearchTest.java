package dev.unroll.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.Split;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Searches over a generated network on tiny data: reproducible, thread-count independent. */
class SearchTest {
  private static final Split DATA = Blobs.split(240, 11);

  private static SearchSpace space() {
    return SearchSpace.builder().logUniform("lr", 1e-3, 1).logUniform("l2", 1e-6, 1e-2)
        .choice("momentum", 0.5, 0.9).build();
  }

  private static Search search(long seed, int threads) {
    return new Search(space()).model(TestSpecs_TinyNet::new)
        .data(DATA.train(), DATA.validation())
        .trainer(() -> TrainerTrials.defaultBase().batchSize(30))
        .stages(Stage.of("coarse", 6, 1), Stage.of("fine", 3, 3).keep(0.3))
        .seed(seed).threads(threads);
  }

  @Test
  void aSeededSearchIsReproducible() throws IOException {
    List<TrialResult> a = search(5, 2).run().trials();
    List<TrialResult> b = search(5, 2).run().trials();
    assertEquals(9, a.size());
    assertEquals(a, b);
    List<TrialResult> other = search(6, 2).run().trials();
    assertNotEquals(a.get(0).config(), other.get(0).config());
  }

  @Test
  void parallelAndSequentialSearchesGiveTheSameTrials() throws IOException {
    SearchResult sequential = search(8, 1).run();
    SearchResult parallel = search(8, 4).run();
    assertEquals(sequential.trials(), parallel.trials());
    // Trials really trained: the blobs are easy, the best is far above chance.
    assertTrue(sequential.best().orElseThrow().valAccuracy() > 0.8, sequential.table(9));
  }

  @Test
  void laterStagesSearchNarrowedRangesAroundTheBest() throws IOException {
    SearchResult r = search(3, 2).run();
    TrialResult bestCoarse = r.trials().subList(0, 6).stream().filter(TrialResult::candidate)
        .min(TrialResult.BEST_FIRST).orElseThrow();
    LogUniform lr = (LogUniform) r.stageSpaces().get(1).param("lr");
    // 30% of 3 decades is 0.9 decades, around the coarse best (shifted to stay inside).
    assertEquals(0.9, Math.log10(lr.hi()) - Math.log10(lr.lo()), 1e-9);
    double best = bestCoarse.config().get("lr");
    assertTrue(lr.lo() <= best && best <= lr.hi(), lr + " around " + best);
    for (TrialResult t : r.trials().subList(6, 9)) {
      assertEquals(3, t.epochs());
      double v = t.config().get("lr");
      assertTrue(v >= lr.lo() && v <= lr.hi(), v + " in " + lr);
    }
  }

  @Test
  void aDivergingTrialIsRecordedAsStoppedEarly() throws IOException {
    SearchSpace huge = SearchSpace.builder().logUniform("lr", 1e3, 1e4).build();
    SearchResult r = new Search(huge).model(TestSpecs_TinyNet::new)
        .data(DATA.train(), DATA.validation())
        .trainer(() -> TrainerTrials.defaultBase().batchSize(30))
        .stages(Stage.of("only", 2, 5)).threads(2).run();
    for (TrialResult t : r.trials()) {
      assertEquals(TrialStatus.DIVERGED, t.status(), t.message());
      assertTrue(t.message().contains("training stopped"), t.message());
      assertTrue(t.epochsRun() < 5);
      assertTrue(!t.candidate());
    }
    assertTrue(r.best().isEmpty());
  }

  @Test
  void theDefaultTrialFunctionRefusesNamesItDoesNotKnow() {
    SearchSpace typo = SearchSpace.builder().logUniform("learningRate", 1e-3, 1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Search(typo).model(TestSpecs_TinyNet::new).data(DATA.train(), DATA.validation())
            .stages(Stage.of("s", 1, 1)).run());
    assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
  }

  @Test
  void aSupplierFactoryGetsTheTrialSeedsWeights() throws IOException {
    SearchResult bySeed = search(4, 2).run();
    SearchResult bySupplier = search(4, 2).modelSupplier(() -> new TestSpecs_TinyNet(0)).run();
    assertEquals(bySeed.trials(), bySupplier.trials());
  }

  @Test
  void gridSearchRunsTheWholeGrid() throws IOException {
    SearchResult r = new Search(space()).model(TestSpecs_TinyNet::new)
        .trial(Stubs.scoring(c -> Stubs.peakAt(c, -1.5))).strategy(Strategy.grid(3))
        .stages(Stage.of("grid", 1, 1)).run();
    assertEquals(3 * 3 * 2, r.trials().size());
    assertEquals(Math.sqrt(1e-3), r.best().orElseThrow().config().get("lr"), 1e-12);
  }
}
