package dev.unroll.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lecture's "if the best value is at the edge of its range, widen the range". */
class EdgeWarningsTest {
  private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-6, 1)
      .uniform("dropout", 0, 0.8).choice("momentum", 0.5, 0.9, 0.95, 0.99).build();

  private static Config config(double lr, double dropout, double momentum) {
    return Config.of(Map.of("lr", lr, "dropout", dropout, "momentum", momentum));
  }

  @Test
  void firesAtAnEdgeAndNotInside() {
    assertEquals(List.of("lr = 9.1e-01 is at the upper edge of [1e-06, 1]: widen the range"),
        EdgeWarnings.check(SPACE, config(0.91, 0.4, 0.99), 0.05));
    assertEquals(List.of("dropout = 0.01 is at the lower edge of [0, 0.8]: widen the range"),
        EdgeWarnings.check(SPACE, config(1e-3, 0.01, 0.5), 0.05));
    // 1e-3 is mid-range in log space; momentum 0.99, last of its list, is a choice, never an edge.
    assertEquals(List.of(), EdgeWarnings.check(SPACE, config(1e-3, 0.4, 0.99), 0.05));
    // 1e-1 is 5/6 of the way in the exponent: inside for 5%, at the edge for 20%.
    assertEquals(List.of(), EdgeWarnings.check(SPACE, config(1e-1, 0.4, 0.9), 0.05));
    assertEquals(1, EdgeWarnings.check(SPACE, config(1e-1, 0.4, 0.9), 0.2).size());
  }

  @Test
  void aSearchWhoseOptimumLiesBeyondTheRangeWarns() throws IOException {
    SearchSpace lrOnly = SearchSpace.builder().logUniform("lr", 1e-6, 1).build();
    // Accuracy keeps rising with lr up to 10, beyond the range: the best trial is at the top.
    SearchResult beyond = run(lrOnly, 1);
    List<String> w = beyond.edgeWarnings();
    assertEquals(1, w.size(), beyond.table(5));
    assertTrue(w.get(0).startsWith("lr = ") && w.get(0).contains("upper edge of [1e-06, 1]"),
        w.get(0));
    assertTrue(beyond.table(5).contains("warning: lr = "));
    // Accuracy peaks at 1e-3, mid-range: no warning.
    SearchResult inside = run(lrOnly, -3);
    assertEquals(List.of(), inside.edgeWarnings(), inside.table(5));
  }

  private static SearchResult run(SearchSpace space, double peak) throws IOException {
    return new Search(space).model(TestSpecs_TinyNet::new)
        .trial(Stubs.scoring(c -> Stubs.peakAt(c, peak)))
        .stages(Stage.of("coarse", 40, 1), Stage.of("fine", 20, 1).keep(0.2)).seed(3).threads(2)
        .run();
  }
}
