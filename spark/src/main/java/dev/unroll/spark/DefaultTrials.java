package dev.unroll.spark;

import dev.unroll.data.Dataset;
import dev.unroll.search.TrainerTrials;
import dev.unroll.search.TrialFunction;

/**
 * The setup used when none is named: the local search's default, {@link TrainerTrials} over
 * {@link TrainerTrials#defaultBase()}.
 */
public final class DefaultTrials implements TrialSetup {
  @Override
  public TrialFunction trials(Dataset train, Dataset validation) {
    return TrainerTrials.of(TrainerTrials::defaultBase, train, validation);
  }
}
