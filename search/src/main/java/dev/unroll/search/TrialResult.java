package dev.unroll.search;

import dev.unroll.train.StopReason;
import dev.unroll.train.TrainingResult;
import java.util.Comparator;

/**
 * A finished trial: its coordinates, how it ended and its validation accuracy. This is what one
 * line of the results file holds.
 *
 * @param stage 1-based stage number
 * @param stageName the stage's name
 * @param index 0-based index within the stage
 * @param config the hyperparameter values
 * @param seed the trial's seed
 * @param epochs epochs the stage asked for
 * @param status how it ended
 * @param valAccuracy validation accuracy of the best epoch (NaN when there is none)
 * @param valLoss validation data loss of that epoch (NaN when there is none)
 * @param epochsRun epochs completed
 * @param message the trainer's sentence, or the error of a failed trial
 */
public record TrialResult(int stage, String stageName, int index, Config config, long seed,
    int epochs, TrialStatus status, double valAccuracy, double valLoss, int epochsRun,
    String message) {
  /**
   * Best first: higher validation accuracy, then (for the ties a small validation split makes
   * common) lower validation loss, then the later stage (longer training), then the lower index.
   * Trials without an accuracy come last.
   */
  public static final Comparator<TrialResult> BEST_FIRST = Comparator
      .comparingDouble((TrialResult r) -> Double.isNaN(r.valAccuracy) ? 1 : -r.valAccuracy)
      .thenComparingDouble(r -> Double.isNaN(r.valLoss) ? Double.POSITIVE_INFINITY : r.valLoss)
      .thenComparing(Comparator.comparingInt(TrialResult::stage).reversed())
      .thenComparingInt(TrialResult::index);

  /** The result of a trial whose training returned. */
  public static TrialResult of(Trial t, TrainingResult r) {
    if (r == null) {
      return failed(t, new IllegalStateException("the trial function returned null"));
    }
    TrialStatus status = r.reason() == StopReason.DIVERGED ? TrialStatus.DIVERGED
        : r.reason() == StopReason.EARLY_STOPPED ? TrialStatus.EARLY_STOPPED
        : TrialStatus.COMPLETED;
    double acc = Double.isFinite(r.bestValAccuracy()) ? r.bestValAccuracy() : Double.NaN;
    double loss = Double.NaN;
    if (r.bestEpoch() > 0 && r.history() != null
        && r.bestEpoch() <= r.history().epochs().size()) {
      loss = r.history().epochs().get(r.bestEpoch() - 1).valLoss();
    }
    return new TrialResult(t.stage(), t.stageName(), t.index(), t.config(), t.seed(), t.epochs(),
        status, acc, loss, r.epochsRun(), r.message() == null ? "" : r.message());
  }

  /** The result of a trial that threw: the exception's class, message and where it came from. */
  public static TrialResult failed(Trial t, Throwable e) {
    StringBuilder m = new StringBuilder(e.toString());
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length > 0) {
      m.append(" at ").append(trace[0]);
    }
    return new TrialResult(t.stage(), t.stageName(), t.index(), t.config(), t.seed(), t.epochs(),
        TrialStatus.FAILED, Double.NaN, Double.NaN, 0, m.toString());
  }

  /** What identifies the trial in a results file. */
  public TrialKey key() {
    return new TrialKey(stage, epochs, index, config);
  }

  /** Whether the trial may be the best: it trained without diverging or failing. */
  public boolean candidate() {
    return (status == TrialStatus.COMPLETED || status == TrialStatus.EARLY_STOPPED)
        && !Double.isNaN(valAccuracy);
  }
}
