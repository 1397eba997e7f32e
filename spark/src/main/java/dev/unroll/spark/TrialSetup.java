package dev.unroll.spark;

import dev.unroll.data.Dataset;
import dev.unroll.search.TrialFunction;

/**
 * Builds, on the machine that runs a trial, the function that trains it. Named by class (with a
 * public no-argument constructor) rather than serialized, so a setup never has to be {@code
 * Serializable}, and whatever it captures (a trainer, a data loader) is built where it is used.
 *
 * <pre>{@code
 * public final class SpiralTrials implements TrialSetup {
 *   public TrialFunction trials(Dataset train, Dataset validation) {
 *     return TrainerTrials.of(() -> TrainerTrials.defaultBase().batchSize(30), train, validation);
 *   }
 * }
 * }</pre>
 */
public interface TrialSetup {
  /** The trial function over this data; called once per task, on the executor. */
  TrialFunction trials(Dataset train, Dataset validation);
}
