package dev.unroll.search;

import dev.unroll.runtime.Model;
import dev.unroll.train.TrainingResult;

/**
 * Trains one trial's network with the trial's config and returns the trainer's result, whose
 * {@link TrainingResult#bestValAccuracy()} ranks the trial. {@link TrainerTrials} is the default,
 * mapping the usual names (lr, l2, momentum, batch) onto a {@link dev.unroll.train.Trainer}.
 *
 * <p>Called on a search thread with a network no other thread sees; it may throw, and the trial
 * is then recorded as {@link TrialStatus#FAILED}.
 */
@FunctionalInterface
public interface TrialFunction {
  /** Trains {@code model}, built fresh for this trial, as {@code trial} says. */
  TrainingResult train(Trial trial, Model model) throws Exception;
}
