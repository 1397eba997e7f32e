package dev.unroll.examples.tuningspark;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.examples.tuning.SpiralData;
import dev.unroll.examples.tuning.SpiralNet;
import dev.unroll.search.Search;
import dev.unroll.search.SearchSpace;
import dev.unroll.search.Stage;
import dev.unroll.spark.SparkSearch;
import java.util.List;

/**
 * The search of examples/tuning over the CS231n spiral, set up once for every place that runs it:
 * on Spark ({@link #onSpark}) or on the search's own threads ({@link #onThreads}), which give the
 * same trials for the same seed.
 */
public final class SpiralSearch {
  /** examples/tuning's stages: many short trials, then fewer, longer ones in narrower ranges. */
  public static final List<Stage> STAGES = List.of(Stage.of("coarse", 60, 10),
      Stage.of("medium", 16, 100).keep(0.3), Stage.of("long", 6, 500).keep(0.5));

  private SpiralSearch() {}

  /** The spiral drawn from {@code seed}, a stratified fifth held out for validation. */
  public static Split split(long seed) {
    SpiralData spiral = new SpiralData(seed);
    return Splits.stratified(Dataset.of(spiral.x, spiral.y), 0.8, 0.2, seed);
  }

  /** The lecture's ranges: lr and L2 log-uniform, momentum from {0.5, 0.9, 0.95, 0.99}. */
  public static SearchSpace space() {
    return SearchSpace.builder()
        .logUniform("lr", 1e-4, 10)
        .logUniform("l2", 1e-6, 1e-1)
        .choice("momentum", 0.5, 0.9, 0.95, 0.99)
        .build();
  }

  /** The search of {@code stages} from {@code seed}, not yet told where its trials run. */
  public static Search search(long seed, List<Stage> stages) {
    return new Search(space()).stages(stages.toArray(Stage[]::new)).seed(seed);
  }

  /** {@code search}'s trials on {@code spark}, the spiral broadcast to its executors. */
  public static Search onSpark(Search search, SparkSearch spark, long seed) {
    Split s = split(seed);
    return search.on(spark.network(SpiralNet.class).trials(SpiralTrials.class)
        .data(s.train(), s.validation()));
  }

  /** {@code search}'s trials on its own pool of {@code threads} threads. */
  public static Search onThreads(Search search, int threads, long seed) {
    Split s = split(seed);
    return search.model(SpiralNet::new)
        .trial(new SpiralTrials().trials(s.train(), s.validation())).threads(threads);
  }
}
