package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stage picks its configs. {@link #random()} is the default, as the lecture recommends
 * (Bergstra and Bengio 2012: with the same budget, random points try more distinct values of the
 * parameters that matter); {@link #grid(int)} is there to compare.
 */
@FunctionalInterface
public interface Strategy {
  /**
   * The configs of stage {@code stage} (1-based) over {@code space}; {@code trials} is the stage's
   * budget.
   */
  List<Config> configs(SearchSpace space, int stage, int trials, long searchSeed);

  /**
   * {@code trials} independent draws; draw {@code i} uses its own {@link Rng} seeded from (search
   * seed, stage, i), so a trial's config does not depend on the others.
   */
  static Strategy random() {
    return (space, stage, trials, seed) -> {
      List<Config> out = new ArrayList<>(trials);
      for (int i = 0; i < trials; i++) {
        out.add(space.sample(new Rng(Seeds.derive(seed, stage, i, Seeds.Purpose.CONFIG))));
      }
      return out;
    };
  }

  /**
   * Every combination of {@code points} values per range parameter (log-spaced for log-uniform
   * ones) and every value of each choice; the stage's trial budget is not used, the grid's size
   * is {@code points ^ ranges * choice sizes}.
   */
  static Strategy grid(int points) {
    Ranges.checkPoints(points);
    return (space, stage, trials, seed) -> space.grid(points);
  }
}
