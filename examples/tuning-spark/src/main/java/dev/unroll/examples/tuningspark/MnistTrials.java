package dev.unroll.examples.tuningspark;

import dev.unroll.data.Dataset;
import dev.unroll.search.TrainerTrials;
import dev.unroll.search.TrialFunction;
import dev.unroll.spark.TrialSetup;

/** The MNIST trials: the default trainer with mini-batches of 64. */
public final class MnistTrials implements TrialSetup {
  /** Images per mini-batch. */
  public static final int BATCH = 64;

  @Override
  public TrialFunction trials(Dataset train, Dataset validation) {
    return TrainerTrials.of(() -> TrainerTrials.defaultBase().batchSize(BATCH), train, validation);
  }
}
