package dev.unroll.examples.tuningspark;

import dev.unroll.data.Dataset;
import dev.unroll.search.TrainerTrials;
import dev.unroll.search.TrialFunction;
import dev.unroll.spark.TrialSetup;

/**
 * The spiral trials, built on each executor by name: the default trainer with mini-batches of 30
 * (8 per epoch of 240 training points), as in examples/tuning.
 */
public final class SpiralTrials implements TrialSetup {
  /** Points per mini-batch. */
  public static final int BATCH = 30;

  @Override
  public TrialFunction trials(Dataset train, Dataset validation) {
    return TrainerTrials.of(() -> TrainerTrials.defaultBase().batchSize(BATCH), train, validation);
  }
}
