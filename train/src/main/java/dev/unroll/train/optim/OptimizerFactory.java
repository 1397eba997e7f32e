package dev.unroll.train.optim;

import dev.unroll.runtime.Model;

/**
 * Builds an optimizer for a given network. Trainers and sanity checks take a factory because they
 * train copies of the user's network, each of which needs its own state.
 */
@FunctionalInterface
public interface OptimizerFactory {
  /** A new optimizer with fresh state over {@code model}'s parameters. */
  Optimizer create(Model model);
}
