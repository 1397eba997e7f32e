package dev.unroll.search;

import dev.unroll.train.StopReason;
import dev.unroll.train.TrainingResult;
import dev.unroll.train.monitor.TrainingHistory;
import java.util.function.ToDoubleFunction;

/** Trial functions that do not train, so searches over them are instant and exact. */
final class Stubs {
  private Stubs() {}

  /** A finished run whose validation accuracy is {@code accuracy}. */
  static TrainingResult result(double accuracy) {
    return new TrainingResult(StopReason.COMPLETED, "stub", 1, 1, accuracy,
        new TrainingHistory("stub", "stub", 1), null);
  }

  /** A trial function whose accuracy is {@code score(config)}. */
  static TrialFunction scoring(ToDoubleFunction<Config> score) {
    return (trial, model) -> result(score.applyAsDouble(trial.config()));
  }

  /**
   * An accuracy that peaks at {@code log10(lr) = peak} and falls off with the distance in decades,
   * so the best of many trials sits near the peak.
   */
  static double peakAt(Config c, double peak) {
    return 1 / (1 + Math.abs(Math.log10(c.get("lr")) - peak));
  }
}
