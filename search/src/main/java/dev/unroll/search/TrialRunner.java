package dev.unroll.search;

import dev.unroll.runtime.Model;
import java.util.function.LongFunction;

/**
 * Runs one trial to its result: a fresh network from the trial's seed, the trial function, and
 * any exception a bad config or a bug can throw turned into a {@link TrialStatus#FAILED} result.
 * The thread pool and a {@link TrialExecutor} on another machine run trials through this same
 * method, so both record the same line for the same trial.
 */
public final class TrialRunner {
  private TrialRunner() {}

  /** The result of {@code t}; never throws for an error of the trial itself. */
  public static TrialResult run(Trial t, LongFunction<? extends Model> factory, TrialFunction fn) {
    try {
      Model model = factory.apply(t.seed());
      return TrialResult.of(t, fn.train(t, model));
    } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
      // Anything a bad config or a bug in the trial can throw is this trial's result; errors of
      // the JVM itself (out of memory, internal) still end the search.
      return TrialResult.failed(t, e);
    }
  }
}
